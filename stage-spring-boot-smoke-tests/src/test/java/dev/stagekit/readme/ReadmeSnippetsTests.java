package dev.stagekit.readme;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.stagekit.client.ZillizCloudClientSettings;
import dev.stagekit.client.ZillizCloudClients;
import dev.stagekit.client.upload.FileManagers;
import dev.stagekit.client.upload.UploadResult;
import dev.stagekit.emulator.ParquetFiles;
import dev.stagekit.emulator.ZillizCloudEmulator;
import dev.stagekit.readme.ReadmeSnippets.Shape;
import dev.stagekit.readme.ReadmeSnippets.Snippet;
import dev.stagekit.readme.ReadmeSnippets.Unit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every Java example of README.md, as README prints it: each compiles with the imports it shows, and each that
 * needs neither an account nor an extra library runs, in README order, against one emulator, with checks on what
 * it did. Examples that are classes of an application are kept in test sources, where other tests run them in a
 * real application, and must match README line for line.
 * <p>
 * Maven runs this module's tests in {@code target/test-run}, so that an example's relative {@code Path.of("data")}
 * is a directory this test prepares.
 */
class ReadmeSnippetsTests {

	private static final String ZILLIZ = "dev.stagekit.client.ZillizCloudClients zilliz";

	private static final String ROWS = "{\"rows\": [{\"id\": 1, \"vector\": [0.1, 0.2]}, {\"id\": 2, \"vector\": [0.3, 0.4]}]}";

	/** How each example of README is proven, by name, in README order. */
	private static final List<Example> EXAMPLES = List.of(
			Example.shownFrom("ingest", "stage-spring-boot-smoke-tests/src/test/java/dev/stagekit/readme/Ingest.java",
					"ReadmeIngestTests runs it from a WebFlux handler"),
			Example.shownFrom("mvc-files",
					"stage-spring-boot-smoke-tests-mvc/src/test/java/dev/stagekit/readme/mvc/FilesController.java",
					"ReadmeFilesTests runs it over HTTP in a Spring MVC application"),
			Example.compiled("clients", Shape.STATEMENTS, "it connects to Zilliz Cloud with your key"),
			Example.runs("volumes", List.of(ZILLIZ), (world) -> {
			}, (world, output) -> {
				assertThat(world.emulator.volumePrefix("my_volume")).isPresent();
				assertThat(world.emulator.requestCount("POST /v2/volumes/create")).isEqualTo(1);
				assertThat(world.emulator.requestCount("GET /v2/volumes/{name}")).isEqualTo(1);
			}),
			Example.runs("import", List.of(ZILLIZ), (world) -> world.put("data/rows.json", ROWS.getBytes(StandardCharsets.UTF_8)), (world, output) -> {
				assertThat(output).contains("Completed 100%");
				assertThat(world.emulator.collectionRowCount("my_collection")).isEqualTo(2);
			}),
			Example.runs("two-phase-import", List.of(ZILLIZ), (world) -> world.put("run-1/rows.json", ROWS.getBytes(StandardCharsets.UTF_8)),
					(world, output) -> {
						assertThat(world.emulator.requestCount("POST /v2/vectordb/jobs/import/commit")).isEqualTo(1);
						assertThat(world.emulator.collectionRowCount("my_collection")).isEqualTo(4);
					}),
			Example.compiled("external-import", Shape.STATEMENTS, "it reads your own bucket with its keys",
					ZILLIZ, "String accessKey", "String secretKey"),
			Example.runs("merge", List.of(ZILLIZ, "dev.stagekit.client.upload.UploadResult uploadResult"), (world) -> {
				world.emulator.createCollection("{\"collectionName\": \"docs\", \"dimension\": 2}");
				world.uploadResult = world.put("extra/scores.parquet", ParquetFiles.write(
						"message row { required int64 id; required float score; required binary label (STRING); }",
						List.of(Map.of("id", 1L, "score", 0.5f, "label", "a"))));
			}, (world, output) -> {
				assertThat(world.emulator.requestCount("POST /v2/etl/merge")).isEqualTo(1);
				assertThat(world.emulator.collectionRowCount("docs_enriched")).isZero();
			}),
			Example.runs("upload", List.of(ZILLIZ,
					"reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> content"), (world) -> {
						write(Path.of("data/rows.json"), ROWS);
						write(Path.of("data/more/rows.json"), "{\"rows\": [{\"id\": 3, \"vector\": [0.5, 0.6]}]}");
					}, (world, output) -> {
						assertThat(output).contains("100% of 2 files").contains(" B/s, ");
						assertThat(world.stored("run-1/more/rows.json")).isEqualTo(sha256(Path.of("data/more/rows.json")));
						assertThat(world.stored("run-2/rows.json")).isEqualTo(sha256(Path.of("data/rows.json")));
						assertThat(world.stored("incoming/rows.json")).isEqualTo(world.emulator.sha256(world.prefix() + "data/rows.json"));
						assertThat(world.emulator.requestCount("POST /v2/vectordb/jobs/import/create")).isEqualTo(1);
					}),
			Example.runs("list", List.of("dev.stagekit.client.upload.FileManagers files"), (world) -> {
			}, (world, output) -> assertThat(output.lines().map((line) -> line.split(" ")[0]))
				.containsExactly("run-1/more/rows.json", "run-1/rows.json")),
			Example.compiled("openssl", Shape.STATEMENTS, "it needs io.netty:netty-tcnative-boringssl-static", ZILLIZ),
			Example.shownFrom("article-importer",
					"stage-bulk-writer/src/test/java/dev/stagekit/bulkwriter/application/ArticleImporter.java",
					"BulkWritersApplicationTests runs it in an application"),
			Example.compiled("test-configuration", Shape.UNIT, "it is a test class of your application"),
			Example.compiled("test-application", Shape.UNIT, "it starts your application"),
			Example.runs("emulator", List.of(), (world) -> {
			}, (world, output) -> {
			}),
			Example.compiled("emulator-extension", Shape.MEMBERS, "they are members of a JUnit test class"));

	/** A user's application class, which the test application example names. */
	private static final Map<String, String> USER_CLASSES = Map.of("App",
			"public class App { public static void main(String[] args) { } }");

	private static @Nullable World world;

	private static @Nullable ClassLoader compiled;

	private static @Nullable List<Snippet> snippets;

	@TempDir
	static Path classes;

	@BeforeAll
	static void compileAndStart() throws IOException {
		assertThat(Path.of("").toAbsolutePath().getFileName()).as(
				"working directory: run through Maven, which runs this module's tests in target/test-run")
			.hasToString("test-run");
		List<String> problems = ReadmeSnippets.compile(units(), USER_CLASSES, classes);
		assertThat(problems).as("README's Java examples compile with the imports they show").isEmpty();
		compiled = new URLClassLoader(new URL[] { classes.toUri().toURL() }, ReadmeSnippetsTests.class.getClassLoader());
		world = new World();
	}

	@AfterAll
	static void stop() {
		if (world != null) {
			world.close();
		}
	}

	@Test
	void everyJavaExampleOfTheReadmeIsProvenHere() {
		assertThat(snippets()).extracting(Snippet::name)
			.as("README's ```java blocks, each with its '<!-- snippet: NAME -->' line, and this test's list")
			.containsExactlyElementsOf(EXAMPLES.stream().map(Example::name).toList());
		assertThat(EXAMPLES).as("an example that does not run here says why")
			.allSatisfy((example) -> assertThat(example.check() != null || !example.reason().isBlank()).isTrue());
	}

	@Test
	void examplesKeptInTestSourcesMatchTheReadmeLineForLine() {
		for (Example example : EXAMPLES) {
			if (example.sourceFile() != null) {
				assertThat(ReadmeSnippets.normalise(snippet(example.name()).lines()))
					.as("README's example '%s' and the region '// README:start %s' of %s", example.name(),
							example.name(), example.sourceFile())
					.containsExactlyElementsOf(ReadmeSnippets.region(root().resolve(example.sourceFile()), example.name()));
			}
		}
	}

	@Test
	void everyTestClassTheReadmeNamesExists() throws IOException {
		String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
		List<String> named = Pattern.compile("`([A-Z][A-Za-z0-9]*Tests)`").matcher(readme).results()
			.map((match) -> match.group(1))
			.distinct()
			.toList();
		List<String> sources;
		try (Stream<Path> files = Files.walk(root())) {
			sources = files.filter((file) -> file.toString().contains("/src/test/java/"))
				.map((file) -> file.getFileName().toString())
				.toList();
		}
		assertThat(named).as("test classes README names").hasSizeGreaterThan(20)
			.allSatisfy((name) -> assertThat(sources).as("a test source for README's `%s`", name).contains(name + ".java"));
	}

	@TestFactory
	Stream<DynamicTest> examplesRunAgainstTheEmulatorInReadmeOrder() {
		return EXAMPLES.stream()
			.filter((example) -> example.check() != null)
			.map((example) -> DynamicTest.dynamicTest(example.name(), () -> run(example)));
	}

	@Test
	void aMissingImportIsReportedWhereTheReadmeShowsIt() throws IOException {
		Snippet broken = ReadmeSnippets.parse("text\n<!-- snippet: broken -->\n```java\nimport java.util.List;\n\n"
				+ "List<String> names = List.of();\nDuration timeout = Duration.ofSeconds(1);\n```\n").get(0);
		List<String> problems = ReadmeSnippets.compile(List.of(ReadmeSnippets.unit(broken, Shape.STATEMENTS, List.of())),
				Map.of(), Files.createTempDirectory(classes, "broken"));
		assertThat(problems).isNotEmpty()
			.allSatisfy((problem) -> assertThat(problem).startsWith("README.md:7 (example 'broken'): error: cannot find symbol"));
	}

	@Test
	void aJavaBlockWithoutItsDirectiveIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ReadmeSnippets.parse("one\ntwo\n```java\nint x = 1;\n```\n"))
			.withMessageStartingWith("README.md:3: a ```java block needs a '<!-- snippet: NAME -->' line");
		assertThatIllegalStateException()
			.isThrownBy(() -> ReadmeSnippets.parse("- a list item:\n\n  ``` Java\n  int x = 1;\n  ```\n"))
			.withMessageStartingWith("README.md:3: ");
	}

	@Test
	void aJavaBlockInsideAListItemIsReadWithoutItsIndentation() {
		assertThat(ReadmeSnippets.parse("- item:\n  <!-- snippet: nested -->\n  ```java\n  if (ok) {\n      run();\n  }\n  ```\n"))
			.singleElement()
			.satisfies((snippet) -> {
				assertThat(snippet.name()).isEqualTo("nested");
				assertThat(snippet.firstLine()).isEqualTo(4);
				assertThat(snippet.lines()).containsExactly("if (ok) {", "    run();", "}");
			});
	}

	private static void run(Example example) throws Exception {
		World world = ReadmeSnippetsTests.world;
		assertThat(world).isNotNull();
		example.setup().accept(world);
		world.emulator.resetRequestCounts();
		Class<?> type = Class.forName(unit(example).className(), true, compiled);
		Method method = Arrays.stream(type.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals("run"))
			.findFirst()
			.orElseThrow();
		method.setAccessible(true);
		Object[] arguments = example.given().stream().map((given) -> world.value(given.substring(given.lastIndexOf(' ') + 1))).toArray();
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			method.invoke(null, arguments);
		}
		catch (InvocationTargetException ex) {
			throw new AssertionError("README's example '" + example.name() + "' failed", ex.getCause());
		}
		finally {
			System.setOut(original);
		}
		String output = captured.toString(StandardCharsets.UTF_8);
		original.print(output);
		example.check().accept(world, output);
	}

	private static List<Unit> units() {
		return EXAMPLES.stream().map(ReadmeSnippetsTests::unit).toList();
	}

	private static Unit unit(Example example) {
		return ReadmeSnippets.unit(snippet(example.name()), example.shape(), example.given());
	}

	private static Snippet snippet(String name) {
		return snippets().stream().filter((snippet) -> snippet.name().equals(name)).findFirst().orElseThrow(
				() -> new AssertionError("README.md has no example '<!-- snippet: " + name + " -->'"));
	}

	/** README's examples, read once per run. */
	private static List<Snippet> snippets() {
		List<Snippet> read = snippets;
		if (read == null) {
			try {
				read = ReadmeSnippets.parse(Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new AssertionError("README.md cannot be read", ex);
			}
			snippets = read;
		}
		return read;
	}

	private static Path root() {
		String root = System.getProperty("stagekit.root");
		assertThat(root).as("system property stagekit.root (the repository root), set by the Maven execution").isNotNull();
		return Path.of(root);
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

	/**
	 * How one example is proven.
	 * @param name its name in README
	 * @param shape how it compiles
	 * @param given the values it takes from its context, as parameter declarations
	 * @param setup what the world needs before it runs
	 * @param check what must hold after it ran, given its output; {@code null} when it is only compiled
	 * @param sourceFile the test source that holds it, from the repository root, when another test runs it
	 * @param reason why it does not run here
	 */
	private record Example(String name, Shape shape, List<String> given, Consumer<World> setup,
			@Nullable BiConsumer<World, String> check, @Nullable String sourceFile, String reason) {

		static Example runs(String name, List<String> given, Consumer<World> setup, BiConsumer<World, String> check) {
			return new Example(name, Shape.STATEMENTS, given, setup, check, null, "");
		}

		static Example compiled(String name, Shape shape, String reason, String... given) {
			return new Example(name, shape, List.of(given), (world) -> {
			}, null, null, reason);
		}

		static Example shownFrom(String name, String sourceFile, String reason) {
			return new Example(name, Shape.UNIT, List.of(), (world) -> {
			}, null, sourceFile, reason);
		}

	}

	/** The emulator README's examples run against, and the values they take from their context. */
	private static final class World implements AutoCloseable {

		final ZillizCloudEmulator emulator = ZillizCloudEmulator.builder()
			.advertisePlainHttp(true)
			.importDuration(Duration.ofMillis(200))
			.start();

		final ZillizCloudClients zilliz = ZillizCloudClients.create(ZillizCloudClientSettings.builder()
			.endpoint(this.emulator.controlPlaneUrl())
			.apiKey(this.emulator.apiKey())
			.projectId(this.emulator.projectId())
			.regionId(this.emulator.regionId())
			.clusterId(this.emulator.clusterId())
			.build());

		final FileManagers files = FileManagers.builder(this.zilliz).build();

		@Nullable UploadResult uploadResult;

		World() {
			this.emulator.createCollection("{\"collectionName\": \"my_collection\", \"dimension\": 2}");
		}

		Object value(String name) {
			Object value = switch (name) {
				case "zilliz" -> this.zilliz;
				case "files" -> this.files;
				case "uploadResult" -> this.uploadResult;
				case "content" -> Flux.<DataBuffer>just(
						DefaultDataBufferFactory.sharedInstance.wrap(ROWS.getBytes(StandardCharsets.UTF_8)));
				default -> null;
			};
			assertThat(value).as("the value of '%s' an example takes from its context", name).isNotNull();
			return value;
		}

		UploadResult put(String path, byte[] content) {
			return this.files.volume("my_volume").upload(new ByteArrayInputStream(content), path, content.length);
		}

		String prefix() {
			return this.emulator.volumePrefix("my_volume").orElseThrow();
		}

		String stored(String path) {
			return this.emulator.sha256(prefix() + path);
		}

		@Override
		public void close() {
			this.files.close();
			this.emulator.close();
		}

	}

}
