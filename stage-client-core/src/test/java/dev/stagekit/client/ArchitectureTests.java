package dev.stagekit.client;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only API types are public: a public type in an {@code internal} package must be on this allow-list, each
 * justified in its own javadoc (which other package needs it).
 */
class ArchitectureTests {

	/** Public internal types, each needed by another package of the client. */
	private static final Set<String> PUBLIC_INTERNALS = Set.of(
			// Built by ZillizCloudClients; gives the upload engine its apply call.
			"dev.stagekit.client.internal.ControlPlane",
			// Temporary credentials, used by the upload engine.
			"dev.stagekit.client.internal.ApplyResult", "dev.stagekit.client.internal.ApplyResult$StorageCredentials",
			"dev.stagekit.client.internal.ApplyResult$Condition",
			// The one blocking adapter's unwrapping, used by the blocking faces of three API packages.
			"dev.stagekit.client.internal.Blocking",
			// The one classifier and retry mechanism, shared by the control plane and the upload engine.
			"dev.stagekit.client.internal.Failure", "dev.stagekit.client.internal.Retries",
			// The upload facade, built by FileManagers.
			"dev.stagekit.client.upload.internal.UploadEngine",
			// S3's part size rule, checked by UploadSettings.
			"dev.stagekit.client.upload.internal.PartSizes");

	private static final JavaClasses CLIENT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.stagekit.client");

	@Test
	void internalTypesWhenPublicShouldBeOnTheAllowList() {
		classes().that()
			.resideInAPackage("..internal..")
			.and()
			.arePublic()
			.should(beAllowed())
			.because("internal types are package-private unless another package of the client needs them")
			.check(CLIENT);
		assertThat(CLIENT.stream()
			.filter((type) -> type.getPackageName().contains(".internal"))
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)).as("the allow-list names only public types").containsExactlyInAnyOrderElementsOf(PUBLIC_INTERNALS);
	}

	@Test
	void uploadEngineWhenBuiltShouldHaveNoPublicConstructor() {
		constructors().that()
			.areDeclaredInClassesThat()
			.haveFullyQualifiedName("dev.stagekit.client.upload.internal.UploadEngine")
			.should()
			.notBePublic()
			.check(CLIENT);
	}

	private static ArchCondition<JavaClass> beAllowed() {
		return new ArchCondition<>("be on the allow-list of public internal types") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				boolean allowed = PUBLIC_INTERNALS.contains(type.getName());
				events.add(new SimpleConditionEvent(type, allowed, type.getName() + " is public in an internal package"));
			}

		};
	}

}
