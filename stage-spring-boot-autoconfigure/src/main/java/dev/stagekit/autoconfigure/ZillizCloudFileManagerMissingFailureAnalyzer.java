package dev.stagekit.autoconfigure;

import dev.stagekit.client.upload.ReactiveStageFileManager;
import dev.stagekit.client.upload.ReactiveVolumeFileManager;
import dev.stagekit.client.upload.StageFileManager;
import dev.stagekit.client.upload.VolumeFileManager;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an injected file manager that does not exist: the starter defines the bound file managers only when
 * {@code zilliz.cloud.volume.name} (or {@code zilliz.cloud.stage.name}) names what they upload to. Runs before
 * Spring Boot's generic "no bean" analysis, which cannot know that.
 */
class ZillizCloudFileManagerMissingFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
		implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> type = cause.getResolvableType() != null ? cause.getResolvableType().resolve() : cause.getBeanType();
		if (type == null) {
			return null;
		}
		String noun;
		if (VolumeFileManager.class.equals(type) || ReactiveVolumeFileManager.class.equals(type)) {
			noun = "volume";
		}
		else if (StageFileManager.class.equals(type) || ReactiveStageFileManager.class.equals(type)) {
			noun = "stage";
		}
		else {
			return null;
		}
		String property = "zilliz.cloud." + noun + ".name";
		return new FailureAnalysis("A " + type.getSimpleName() + " bean is required, but none is defined: the Zilliz"
				+ " Cloud starter defines it only when '" + property + "' names the " + noun + " it uploads to.",
				"Set '" + property + "' to the " + noun + " the application uploads to, or inject FileManagers"
						+ " and call files." + noun + "(name) for any " + noun + ".",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
