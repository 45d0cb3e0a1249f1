package dev.stagekit.smoke.mvc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.stagekit.readme.mvc.FilesController;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The one application every HTTP test of this module runs (so Spring caches one context): {@link MvcApplication}
 * with README's {@link FilesController}, on Tomcat at a random port, the emulator as README's testing section
 * declares it, and only the properties a user would write.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { MvcApplication.class, FilesController.class }, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zilliz.cloud.volume.name=" + MvcSmokeTest.VOLUME,
				"spring.servlet.multipart.max-file-size=64MB", "spring.servlet.multipart.max-request-size=64MB",
				"management.endpoints.web.exposure.include=health,metrics",
				"management.endpoint.health.show-details=always" })
@Import(TestZillizCloud.class)
@interface MvcSmokeTest {

	/** The volume {@code zilliz.cloud.volume.name} names. */
	String VOLUME = "mvc_volume";

}
