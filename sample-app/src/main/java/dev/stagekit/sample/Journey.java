package dev.stagekit.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.control.CreateStageRequest;
import dev.stagekit.client.control.CreateVolumeRequest;
import dev.stagekit.client.control.ListStagesRequest;
import dev.stagekit.client.control.ListVolumesRequest;
import dev.stagekit.client.control.StageInfo;
import dev.stagekit.client.control.StageManager;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ControlPlaneJob;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportRequest;
import dev.stagekit.client.job.MergeJobs;
import dev.stagekit.client.job.MergeRequest;
import dev.stagekit.client.job.NewField;
import dev.stagekit.client.job.ReactiveImportJobs;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadRequest;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The command-line journey: create a volume and a stage, upload a directory (yours with
 * {@code --sample.source=DIR}, or generated sample data), import it, follow the job and summarise.
 */
@Component
@ConditionalOnProperty(name = "sample.mode", havingValue = "journey", matchIfMissing = true)
class Journey implements ApplicationRunner {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

	private final VolumeManager volumes;

	private final StageManager stages;

	private final ReactiveImportJobs importJobs;

	private final FileManagers files;

	private final ZillizCloudClients clients;

	private final MergeJobs merges;

	private final PrintStream out = System.out;

	private @Nullable String mergeInto;

	private String mergeField = "id";

	Journey(VolumeManager volumes, StageManager stages, ReactiveImportJobs importJobs, FileManagers files,
			ZillizCloudClients clients, MergeJobs merges) {
		this.merges = merges;
		this.volumes = volumes;
		this.stages = stages;
		this.importJobs = importJobs;
		this.files = files;
		this.clients = clients;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String stamp = LocalDateTime.now().format(STAMP);
		String volume = option(args, "sample.volume", "sample_volume_" + stamp);
		String stage = option(args, "sample.stage", "sample_stage_" + stamp);
		String collection = option(args, "sample.collection", EmbeddedEmulator.COLLECTION);
		String projectId = this.clients.settings().projectId();
		String regionId = this.clients.settings().regionId();
		Path source = source(args);
		List<String> mergeTarget = args.getOptionValues("sample.merge-into");
		this.mergeInto = (mergeTarget != null && !mergeTarget.isEmpty()) ? mergeTarget.get(0) : null;
		this.mergeField = option(args, "sample.merge-field", "id");
		try {
			journey(volume, stage, collection, projectId, regionId, stamp, source);
		}
		finally {
			if (!source.equals(given(args))) {
				FileSystemUtils.deleteRecursively(source);
			}
		}
	}

	private void journey(String volume, String stage, String collection, @Nullable String projectId,
			@Nullable String regionId, String stamp, Path source) {

		this.volumes.create(CreateVolumeRequest.builder(volume).build());
		this.out.println("Created volume '" + volume + "'");
		if (projectId != null && regionId != null) {
			this.stages.create(CreateStageRequest.builder(stage).projectId(projectId).regionId(regionId).build());
			this.out.println("Created stage  '" + stage + "'");
		}

		String target = "run-" + stamp + "/";
		this.out.println("Uploading " + source + " to volume '" + volume + "' at '" + target + "'");
		ProgressBar bar = new ProgressBar(this.out);
		UploadResult result = this.files.volume(volume)
			.upload(UploadRequest.builder(source, target).progressListener(bar::update).build());
		this.out.printf("Uploaded %d files, %s in %.1f s%n", result.uploaded().size(),
				ProgressBar.size(result.uploadedBytes()), result.duration().toMillis() / 1000.0);

		ImportJobId job = this.importJobs.create(ImportRequest.builder(collection).from(result.location()).build())
			.block(Duration.ofMinutes(1));
		this.out.println("Started import job " + job.jobId() + " into collection '" + collection + "'");
		ImportJobProgress last = this.importJobs.awaitCompletion(job, Duration.ofMillis(300))
			.doOnNext((progress) -> this.out.printf("  import %-10s %3d%%%n", progress.state(), progress.progress()))
			.blockLast(Duration.ofMinutes(30));
		if (last == null || !last.isCompleted()) {
			throw new IllegalStateException("Import job " + job.jobId() + " did not complete: "
					+ ((last != null) ? last.state() + " " + last.reason() : "no progress"));
		}

		if (this.mergeInto != null) {
			merge(collection, result);
		}

		List<VolumeInfo> volumeList = this.volumes.listPage(ListVolumesRequest.firstPage()).items();
		this.out.println("Volumes: " + volumeList.stream().map(VolumeInfo::volumeName).toList());
		if (projectId != null) {
			List<StageInfo> stageList = this.stages
				.listPage(ListStagesRequest.firstPage().withProjectId(projectId).withPage(1, 100))
				.items();
			this.out.println("Stages:  " + stageList.stream().map(StageInfo::stageName).toList());
		}
		this.out.println();
		this.out.println("Summary");
		this.out.println("  volume     " + volume + " (" + result.location().path() + ")");
		this.out.println("  files      " + result.objects().size() + ", " + ProgressBar.size(result.uploadedBytes()));
		this.out.println("  import     " + job.jobId() + " " + last.state() + ", " + last.totalRows() + " rows");
	}

	/** The optional merge step: the uploaded Parquet files joined with the collection on the merge field. */
	private void merge(String collection, UploadResult result) {
		List<String> parquet = result.objects()
			.stream()
			.map(UploadedObject::path)
			.filter((path) -> path.endsWith(".parquet"))
			.toList();
		if (parquet.isEmpty()) {
			this.out.println("Merge skipped: the upload holds no Parquet files");
			return;
		}
		String jobId = this.merges.merge(MergeRequest.builder(collection, this.mergeInto, this.mergeField)
			.newField(NewField.varchar("source_file", 512))
			.from(result.location())
			.build());
		this.out.println("Started merge job " + jobId + " into collection '" + this.mergeInto + "'");
		ControlPlaneJob job = this.merges.awaitCompletion(jobId, Duration.ofMillis(300), Duration.ofMinutes(30));
		this.out.println("  merge " + job.status() + " " + job.progress() + "%");
	}

	private static @Nullable Path given(ApplicationArguments args) {
		List<String> given = args.getOptionValues("sample.source");
		return (given != null && !given.isEmpty()) ? Path.of(given.get(0)) : null;
	}

	private Path source(ApplicationArguments args) throws IOException {
		Path given = given(args);
		if (given != null) {
			return given;
		}
		int megabytes = Integer.parseInt(option(args, "sample.size-mb", "48"));
		Path directory = Files.createTempDirectory("stagekit-sample");
		this.out.println("Generating " + megabytes + " MiB of sample JSON and CSV rows in " + directory);
		try {
			return SampleData.generate(directory, megabytes);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		List<String> values = args.getOptionValues(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : fallback;
	}

}
