package dev.stagekit.smoke.mvc;

import dev.stagekit.client.Kind;
import dev.stagekit.client.control.VolumeInfo;
import dev.stagekit.client.control.VolumeManager;
import dev.stagekit.client.job.ImportJobs;
import dev.stagekit.client.job.ListImportJobsRequest;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.VolumeFileManager;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.server.reactive.ReactiveWebServerFactory;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter brings WebFlux, Reactor and Reactor Netty as libraries of its clients; they must not turn a
 * Spring MVC application into a reactive one, and the blocking beans a servlet application injects are there.
 */
@MvcSmokeTest
class ServletApplicationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ZillizCloudEmulator emulator;

	@Autowired
	VolumeFileManager files;

	@Autowired
	VolumeManager volumes;

	@Autowired
	ImportJobs imports;

	@Autowired
	FileManagers fileManagers;

	@Test
	void applicationShouldBeAServletApplicationOnTomcat() {
		assertThat(ClassUtils.isPresent("org.springframework.web.reactive.DispatcherHandler", null))
			.as("WebFlux is on the classpath, through the starter").isTrue();
		assertThat(this.context).isInstanceOf(ServletWebServerApplicationContext.class)
			.isNotInstanceOf(ReactiveWebApplicationContext.class);
		assertThat(((ServletWebServerApplicationContext) this.context).getWebServer())
			.isInstanceOf(TomcatWebServer.class);
		assertThat(this.context.getBeanNamesForType(DispatcherServlet.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(DispatcherHandler.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ReactiveWebServerFactory.class)).isEmpty();
	}

	@Test
	void blockingBeansShouldBeInjectedAndReachTheService() {
		SmokeVolume.prefix(this.volumes, this.emulator);
		assertThat(this.volumes.listAll()).extracting(VolumeInfo::volumeName).contains(MvcSmokeTest.VOLUME);
		assertThat(this.files.kind()).isEqualTo(Kind.VOLUME);
		assertThat(this.files.name()).isEqualTo(MvcSmokeTest.VOLUME);
		assertThat(this.fileManagers.volume("other").name()).isEqualTo("other");
		long lists = this.emulator.requestCount("POST /v2/vectordb/jobs/import/list");
		assertThat(this.imports.list(ListImportJobsRequest.firstPage()).currentPage()).isEqualTo(1);
		assertThat(this.emulator.requestCount("POST /v2/vectordb/jobs/import/list")).isEqualTo(lists + 1);
	}

}
