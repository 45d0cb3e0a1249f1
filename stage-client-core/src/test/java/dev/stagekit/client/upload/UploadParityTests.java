package dev.stagekit.client.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.emulator.DataPlaneFault;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static dev.stagekit.client.upload.UploadTestSupport.createVolume;
import static dev.stagekit.client.upload.UploadTestSupport.sha256;
import static dev.stagekit.client.upload.UploadTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The upload features of the official clients' latest round, against the emulator: the size-and-mtime skip
 * policy, the skip decision merged with a listing in S3 key order (non-ASCII names included) that stops once
 * every local key is decided, quotas on what is sent, listing a volume's files, and lost answers re-checked.
 */
class UploadParityTests {

	private static final long MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadEmulator upload = UploadEmulator.withSettings((emulator) -> emulator.maxFileNumber(6L))
		.uploads((settings) -> settings.fileConcurrency(16));

	private final ZillizCloudEmulator emulator = upload.emulator();

	private final ZillizCloudClients clients = upload.clients();

	private final FileManagers files = upload.files();

	@TempDir
	Path temp;

	private UploadResult upload(String volume, Path source, String target, SkipPolicy policy) {
		return files.volume(volume).upload(UploadRequest.builder(source, target).skipPolicy(policy).build());
	}

	@Test
	void sizeAndMtimeShouldSkipOnlyUnchangedFilesNotModifiedAfterTheObject() throws Exception {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("src");
		Path same = write(source.resolve("same.json"), "{\"id\": 1}");
		Path touched = write(source.resolve("touched.json"), "{\"id\": 2}");
		Path grown = write(source.resolve("grown.json"), "{\"id\": 3}");
		upload(volume, source, "t", SkipPolicy.OVERWRITE);
		Files.setLastModifiedTime(same, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		write(touched, "{\"id\": 9}");
		Files.setLastModifiedTime(touched, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
		write(grown, "{\"id\": 30}");
		emulator.resetRequestCounts();
		UploadResult result = upload(volume, source, "t", SkipPolicy.SKIP_IF_SAME_SIZE_AND_MTIME);
		assertThat(result.objects()).extracting(UploadedObject::relativePath, UploadedObject::skipped)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("grown.json", false),
					org.assertj.core.groups.Tuple.tuple("same.json", true),
					org.assertj.core.groups.Tuple.tuple("touched.json", false));
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(2);
		String prefix = emulator.volumePrefix(volume).orElseThrow();
		assertThat(emulator.sha256(prefix + "t/touched.json")).isEqualTo(sha256(touched));
		// SKIP_IF_SAME_SIZE would have kept the stale object of equal size.
		write(touched, "{\"id\": 7}");
		assertThat(upload(volume, source, "t", SkipPolicy.SKIP_IF_SAME_SIZE).objects())
			.allMatch(UploadedObject::skipped);
		assertThat(emulator.sha256(prefix + "t/touched.json")).isNotEqualTo(sha256(touched));
	}

	@Test
	void skipDecisionShouldMatchNamesInUtf8ByteOrder() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("names");
		// Non-ASCII names sort by their UTF-8 bytes, as S3 lists them ('-' < '/' < 'z' < 'é' < '日' < 'Ａ'). The
		// emulator's store lists in UTF-16 order, which differs only for characters outside the BMP against
		// U+E000..U+FFFF: that case is covered by TreePlannerMergeTests with a listing in S3's order.
		write(source.resolve("\uFF21.json"), "1");
		write(source.resolve("\u65E5\u672C.json"), "2");
		write(source.resolve("\u00E9.json"), "3");
		write(source.resolve("z.json"), "4");
		write(source.resolve("a-b.json"), "5");
		write(source.resolve("a/x.json"), "6");
		UploadResult first = files.volume(volume).upload(UploadRequest.builder(source, "u").build());
		assertThat(first.objects()).extracting(UploadedObject::relativePath)
			.containsExactly("a-b.json", "a/x.json", "z.json", "\u00E9.json", "\u65E5\u672C.json", "\uFF21.json");
		emulator.resetRequestCounts();
		assertThat(upload(volume, source, "u", SkipPolicy.SKIP_IF_EXISTS).objects()).allMatch(UploadedObject::skipped);
		assertThat(emulator.requestCount("s3:PutObject")).isZero();
		assertThat(emulator.requestCount("s3:ListObjectsV2")).isEqualTo(1);
	}

	@Test
	void listShouldPageThroughTheVolumeAndTheSkipDecisionStopAfterTheLastLocalKey() {
		String volume = createVolume(clients, emulator);
		Path many = this.temp.resolve("many");
		IntStream.range(0, 1001).forEach((i) -> write(many.resolve("f%04d.json".formatted(i)), "x".repeat(i % 7)));
		try (FileManagers unlimited = upload.fileManagers((s) -> s.fileConcurrency(32))) {
			// maxFileNumber is 6 per upload: one upload per file.
			for (int i = 0; i < 1001; i++) {
				Path file = many.resolve("f%04d.json".formatted(i));
				unlimited.volume(volume).upload(file, "many");
			}
		}
		emulator.resetRequestCounts();
		List<StoredFile> listed;
		try (Stream<StoredFile> stream = files.volume(volume).list("many")) {
			listed = stream.toList();
		}
		assertThat(listed).hasSize(1001);
		assertThat(listed.get(0).path()).isEqualTo("many/f0000.json");
		assertThat(listed.get(1000).path()).isEqualTo("many/f1000.json");
		assertThat(listed.get(6).size()).isEqualTo(6);
		assertThat(listed).allMatch((file) -> file.lastModified() != null);
		assertThat(emulator.requestCount("s3:ListObjectsV2")).isEqualTo(2);
		assertThat(emulator.requestCount("POST /v2/volumes/apply")).isEqualTo(1);
		assertThat(files.volume(volume).reactive().list("").count().block()).isEqualTo(1001);
		// A tree whose last key lies in the first page reads only that page.
		Path few = this.temp.resolve("few");
		write(few.resolve("f0001.json"), "x");
		write(few.resolve("f0002.json"), "xx");
		emulator.resetRequestCounts();
		assertThat(upload(volume, few, "many", SkipPolicy.SKIP_IF_SAME_SIZE).objects())
			.allMatch(UploadedObject::skipped);
		assertThat(emulator.requestCount("s3:ListObjectsV2")).isEqualTo(1);
	}

	@Test
	void quotaShouldCountOnlyTheFilesThatAreSent() {
		String volume = createVolume(clients, emulator);
		Path source = this.temp.resolve("quota");
		IntStream.range(0, 6).forEach((i) -> write(source.resolve("q%02d.json".formatted(i)), "{}"));
		upload(volume, source, "q", SkipPolicy.OVERWRITE);
		IntStream.range(6, 8).forEach((i) -> write(source.resolve("q%02d.json".formatted(i)), "{}"));
		emulator.resetRequestCounts();
		// Eight local files, six stored: two are sent, within maxFileNumber 6.
		UploadResult result = upload(volume, source, "q", SkipPolicy.SKIP_IF_EXISTS);
		assertThat(result.objects()).filteredOn((object) -> !object.skipped()).hasSize(2);
		assertThat(emulator.requestCount("s3:PutObject")).isEqualTo(2);
		assertThatExceptionOfType(UploadLimitExceededException.class)
			.isThrownBy(() -> upload(volume, source, "q", SkipPolicy.OVERWRITE))
			.withMessageContaining("holds 8 files")
			.withMessageContaining("maxFileNumber");
		IntStream.range(8, 15).forEach((i) -> write(source.resolve("q%02d.json".formatted(i)), "{}"));
		emulator.resetRequestCounts();
		assertThatExceptionOfType(UploadLimitExceededException.class)
			.isThrownBy(() -> upload(volume, source, "q", SkipPolicy.SKIP_IF_EXISTS))
			.withMessageContaining("sends 7 files")
			.withMessageContaining("8 files that skip policy SKIP_IF_EXISTS keeps are not counted");
		assertThat(emulator.requestCount("s3:PutObject")).isZero();
	}

	@Test
	void putWhoseAnswersAreLostShouldBeReportedDoneAfterOneHead() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("lost.json"), "{\"id\": 1, \"v\": [1]}");
		emulator.inject(DataPlaneFault.dropAnswer().on("PutObject").times(100));
		UploadResult result = files.volume(volume).upload(file, "lost");
		assertThat(result.objects()).singleElement().extracting(UploadedObject::skipped).isEqualTo(false);
		assertThat(emulator.requestCount("s3:HeadObject")).isEqualTo(1);
		assertThat(emulator.requestCount("s3:PutObject")).isGreaterThan(1);
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "lost/lost.json"))
			.isEqualTo(sha256(file));
	}

	@Test
	void putWhoseAttemptsNeverArrivedShouldFailAfterOneHead() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("reset.json"), "{\"id\": 1, \"v\": [1]}");
		emulator.inject(DataPlaneFault.reset().on("PutObject").times(100));
		assertThatExceptionOfType(StorageException.class)
			.isThrownBy(() -> files.volume(volume).upload(file, "reset"))
			.withMessageContaining("PutObject");
		assertThat(emulator.requestCount("s3:HeadObject")).isEqualTo(1);
	}

	@Test
	void completeWhoseAnswerIsLostShouldBeReCheckedNotReportedFailed() {
		String volume = createVolume(clients, emulator);
		Path file = write(this.temp.resolve("big.bin"), 11 * MIB, 7);
		// The first Complete is carried out but its answer lost; the retry is told NoSuchUpload, as S3 tells it
		// once the upload is gone.
		emulator.inject(DataPlaneFault.dropAnswer().on("CompleteMultipartUpload"));
		emulator.inject(DataPlaneFault.error(404, "NoSuchUpload").on("CompleteMultipartUpload"));
		UploadResult result = files.volume(volume)
			.upload(UploadRequest.builder(file, "big").partSize(5 * MIB).build());
		assertThat(result.objects()).hasSize(1);
		assertThat(emulator.requestCount("s3:CompleteMultipartUpload")).isEqualTo(2);
		assertThat(emulator.requestCount("s3:HeadObject")).isEqualTo(1);
		assertThat(emulator.sha256(emulator.volumePrefix(volume).orElseThrow() + "big/big.bin"))
			.isEqualTo(sha256(file));
		assertThat(emulator.incompleteUploads()).isEmpty();
	}

}
