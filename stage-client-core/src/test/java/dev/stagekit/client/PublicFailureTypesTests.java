package dev.stagekit.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.emulator.ZillizCloudEmulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public method of the blocking faces (stages, volumes, import and merge jobs, stage and volume file
 * managers), called with generated arguments, once good and once bad, against a control plane that has stopped:
 * every failure is a {@link ZillizCloudException}, never a stray JDK, Reactor or SDK type.
 */
class PublicFailureTypesTests {

	private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
			"notifyAll", "wait", "reactive", "kind", "name", "settings");

	@TempDir
	Path temp;

	@Test
	void everyPublicMethodShouldFailWithAZillizCloudException() throws IOException {
		ZillizCloudEmulator emulator = ZillizCloudEmulator.builder().start();
		String endpoint = emulator.controlPlaneUrl().toString();
		String apiKey = emulator.apiKey();
		emulator.close();
		ZillizCloudClients clients = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(endpoint)
			.apiKey(apiKey)
			.projectId("proj-1")
			.regionId("aws-us-west-2")
			.clusterId("in01-stopped")
			.connectTimeout(Duration.ofMillis(500))
			.responseTimeout(Duration.ofMillis(500))
			.retry(new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(10), 0.5))
			.build());
		Path file = Files.writeString(this.temp.resolve("some.json"), "{}");
		List<String> stray = new ArrayList<>();
		int calls = 0;
		try (FileManagers files = FileManagers.builder(clients).build()) {
			for (boolean bad : new boolean[] { false, true }) {
				Generator generator = new Generator(bad, bad ? this.temp.resolve("missing") : file);
				String name = bad ? "bad name!" : "good_name";
				List<Object> faces = new ArrayList<>(List.of(clients.stages(), clients.volumes(), clients.importJobs(),
						clients.mergeJobs()));
				try {
					faces.add(files.volume(name));
					faces.add(files.stage(name));
				}
				catch (ZillizCloudException ex) {
					calls++;
				}
				for (Object face : faces) {
					for (Method method : face.getClass().getMethods()) {
						if (Modifier.isStatic(method.getModifiers()) || OBJECT_METHODS.contains(method.getName())) {
							continue;
						}
						calls++;
						Throwable thrown = call(face, method, generator);
						if (thrown != null && !(thrown instanceof ZillizCloudException)) {
							stray.add(face.getClass().getSimpleName() + "." + method.getName() + " (bad=" + bad + "): "
									+ thrown);
						}
					}
				}
			}
		}
		assertThat(calls).isGreaterThan(40);
		assertThat(stray).isEmpty();
	}

	private static @Nullable Throwable call(Object face, Method method, Generator generator) {
		try {
			Object[] arguments = new Object[method.getParameterCount()];
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = generator.value(method.getParameterTypes()[i], method.getGenericParameterTypes()[i]);
			}
			method.invoke(face, arguments);
			return null;
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
		catch (ZillizCloudException ex) {
			// Building an argument through the public API failed with a clear error: also a valid answer.
			return null;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Arguments of the public API's types, good or bad. */
	private record Generator(boolean bad, Path path) {

		Object value(Class<?> type, java.lang.reflect.Type generic) throws ReflectiveOperationException {
			if (type == List.class && generic instanceof java.lang.reflect.ParameterizedType list
					&& list.getActualTypeArguments()[0] == Path.class) {
				return List.of(this.path);
			}
			return value(type);
		}

		Object value(Class<?> type) throws ReflectiveOperationException {
			if (type == String.class) {
				return this.bad ? "bad name!" : "good_name";
			}
			if (type == long.class || type == Long.class) {
				return this.bad ? -1L : 3L;
			}
			if (type == int.class || type == Integer.class) {
				return this.bad ? -1 : 1;
			}
			if (type == boolean.class || type == Boolean.class) {
				return true;
			}
			if (type == Duration.class) {
				return this.bad ? Duration.ZERO : Duration.ofMillis(200);
			}
			if (type == Path.class) {
				return this.path;
			}
			if (type == InputStream.class) {
				return new ByteArrayInputStream(new byte[3]);
			}
			if (type == List.class) {
				return List.of(List.of("a/"));
			}
			if (type == Map.class) {
				return Map.of();
			}
			if (type.isInterface()) {
				// A callback (progress listener, observer): one that does nothing.
				return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
						(proxy, method, args) -> method.getName().equals("toString") ? "no-op" : null);
			}
			if (type.isEnum()) {
				return type.getEnumConstants()[0];
			}
			if (type.isRecord()) {
				RecordComponent[] components = type.getRecordComponents();
				Class<?>[] types = new Class<?>[components.length];
				Object[] values = new Object[components.length];
				for (int i = 0; i < components.length; i++) {
					types[i] = components[i].getType();
					values[i] = value(types[i]);
				}
				Constructor<?> constructor = type.getDeclaredConstructor(types);
				return invoke(() -> constructor.newInstance(values));
			}
			for (String factory : List.of("firstPage", "builder")) {
				for (Method method : type.getMethods()) {
					if (Modifier.isStatic(method.getModifiers()) && method.getName().equals(factory)) {
						Object[] arguments = new Object[method.getParameterCount()];
						for (int i = 0; i < arguments.length; i++) {
							arguments[i] = value(method.getParameterTypes()[i]);
						}
						Object made = invoke(() -> method.invoke(null, arguments));
						if (type.isInstance(made)) {
							return made;
						}
						Method build = made.getClass().getMethod("build");
						build.setAccessible(true);
						return invoke(() -> build.invoke(made));
					}
				}
			}
			return null;
		}

		private static Object invoke(Reflective call) throws ReflectiveOperationException {
			try {
				return call.run();
			}
			catch (InvocationTargetException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}

	}

	private interface Reflective {

		Object run() throws ReflectiveOperationException;

	}

}
