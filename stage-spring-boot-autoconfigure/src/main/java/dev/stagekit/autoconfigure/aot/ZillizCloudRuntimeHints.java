package dev.stagekit.autoconfigure.aot;

import java.util.List;

import dev.stagekit.autoconfigure.ZillizCloudProperties;
import dev.stagekit.client.Page;
import dev.stagekit.client.StorageLocation;
import dev.stagekit.client.control.StageInfo;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.job.ControlPlaneJob;
import dev.stagekit.client.job.ImportJobId;
import dev.stagekit.client.job.ImportJobProgress;
import dev.stagekit.client.job.ImportJobSummary;
import dev.stagekit.client.upload.UploadProgress;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.client.upload.UploadedObject;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * Native-image hints: binding of {@link ZillizCloudProperties}; reflection on the value records applications
 * serialise with Jackson (results, progress, jobs); and on the internal checkpoint records the upload engine
 * reads and writes with Jackson.
 */
class ZillizCloudRuntimeHints implements RuntimeHintsRegistrar {

	static final List<Class<?>> JSON_VALUES = List.of(UploadResult.class, UploadedObject.class, UploadProgress.class,
			StorageLocation.class, VolumeInfo.class, StageInfo.class, Page.class, ImportJobId.class,
			ImportJobProgress.class, ImportJobProgress.Detail.class, ImportJobSummary.class, ControlPlaneJob.class);

	static final List<String> INTERNAL_JSON = List.of("dev.stagekit.client.upload.internal.Checkpoints$Header",
			"dev.stagekit.client.upload.internal.Checkpoints$Part", "dev.stagekit.client.internal.ApplyResult$Condition");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(ZillizCloudProperties.class).registerHints(hints, classLoader);
		MemberCategory[] json = { MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS,
				MemberCategory.ACCESS_DECLARED_FIELDS };
		JSON_VALUES.forEach((type) -> hints.reflection().registerType(type, json));
		INTERNAL_JSON.forEach((type) -> hints.reflection().registerType(TypeReference.of(type), json));
	}

}
