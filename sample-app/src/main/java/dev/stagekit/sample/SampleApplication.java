package dev.stagekit.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.stagekit.client.ZillizCloudException;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stagekit sample. With no argument it runs the whole journey (create a volume and a stage, upload a
 * directory with a live progress bar, import it, follow the job, list, summarise) and exits; with
 * {@code serve} it starts the HTTP endpoints instead. Without {@code ZILLIZ_CLOUD_API_KEY} it runs against
 * an embedded emulator, so no account or network is needed.
 */
@SpringBootApplication
public class SampleApplication {

	/**
	 * Run the sample and exit with its status.
	 * @param args {@code serve} for the HTTP endpoints; {@code --sample.source=DIR} to upload your own directory
	 */
	public static void main(String[] args) {
		int status = run(args);
		if (status >= 0) {
			System.exit(status);
		}
	}

	/**
	 * Run the sample.
	 * @param args the arguments
	 * @return the exit status of the journey, or -1 when serving
	 */
	static int run(String... args) {
		boolean serve = args.length > 0 && args[0].equals("serve");
		List<String> arguments = new ArrayList<>(Arrays.asList(args).subList(serve ? 1 : 0, args.length));
		ZillizCloudEmulator emulator = null;
		if (!hasApiKey(arguments)) {
			quietLogging();
			emulator = EmbeddedEmulator.start();
			System.out.println("No ZILLIZ_CLOUD_API_KEY: using the embedded Zilliz Cloud emulator at "
					+ emulator.controlPlaneUrl());
			if (serve) {
				// A local key that opens only this emulator: shown so that it can be called directly too.
				System.out.println("Emulator API key: " + emulator.apiKey() + " (curl -H 'Authorization: Bearer "
						+ emulator.apiKey() + "' '" + emulator.controlPlaneUrl() + "/v2/volumes?projectId="
						+ emulator.projectId() + "')");
			}
			arguments.addAll(0, EmbeddedEmulator.arguments(emulator));
		}
		arguments.add("--sample.mode=" + (serve ? "serve" : "journey"));
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setWebApplicationType(serve ? WebApplicationType.REACTIVE : WebApplicationType.NONE);
		try {
			ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
			if (serve) {
				ZillizCloudEmulator running = emulator;
				if (running != null) {
					Runtime.getRuntime().addShutdownHook(new Thread(running::close));
				}
				return -1;
			}
			int status = SpringApplication.exit(context);
			close(emulator);
			return status;
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + describe(ex));
			close(emulator);
			return 1;
		}
	}

	/** Until Spring Boot configures logging, keep the embedded emulator's start-up quiet. */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	private static boolean hasApiKey(List<String> arguments) {
		String fromEnvironment = System.getenv("ZILLIZ_CLOUD_API_KEY");
		return (fromEnvironment != null && !fromEnvironment.isBlank())
				|| arguments.stream().anyMatch((argument) -> argument.startsWith("--zilliz.cloud.api-key="));
	}

	private static void close(@Nullable ZillizCloudEmulator emulator) {
		if (emulator != null) {
			emulator.close();
		}
	}

	/** Our own exception's message if the chain has one, else the root cause's. */
	static String describe(Throwable failure) {
		Throwable root = failure;
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof ZillizCloudException) {
				return current.getMessage();
			}
			root = current;
			if (current.getCause() == current) {
				break;
			}
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
