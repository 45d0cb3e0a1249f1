package dev.stagekit.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java examples of a README and their compilation as a user would paste them: each example carries the
 * imports it needs and nothing else, and is compiled with {@code javac} against the test class path.
 * <p>
 * An example is a {@code ```java} block whose preceding line is {@code <!-- snippet: NAME -->}. How it is
 * compiled depends on its {@link Shape}: a whole compilation unit as it stands; class members inside a class;
 * statements inside a method whose parameters are the values the example takes from its context (the
 * {@code zilliz} created by an earlier example, say). A body written {@code { ... }} compiles as an empty one.
 */
final class ReadmeSnippets {

	/** A fenced block in Java, indented or not (inside a list item, say). */
	private static final Pattern JAVA_FENCE = Pattern.compile("(\\s*)```\\s*java\\b.*", Pattern.CASE_INSENSITIVE);

	private static final Pattern DIRECTIVE = Pattern.compile("<!-- snippet: ([a-z0-9-]+) -->");

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("^public (?:final |abstract |sealed )*(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);

	private ReadmeSnippets() {
	}

	/** How an example is turned into a compilation unit. */
	enum Shape {

		/** Types, as a source file holds them. */
		UNIT,

		/** Fields and methods of a class. */
		MEMBERS,

		/** Statements of a method body. */
		STATEMENTS

	}

	/**
	 * One example of the README.
	 * @param name its name, from the directive
	 * @param firstLine the README line (1-based) of its first code line
	 * @param lines its code lines
	 */
	record Snippet(String name, int firstLine, List<String> lines) {

		String code() {
			return String.join("\n", this.lines) + "\n";
		}

	}

	/**
	 * A compilation unit made from an example.
	 * @param className the class to run (statements) or the file's public type (units)
	 * @param source the generated source
	 * @param readmeLines for each line of {@code source}, the README line it comes from, 0 for added lines
	 */
	record Unit(Snippet snippet, String className, String source, int[] readmeLines) {

		/** Where a diagnostic on {@code line} of the generated source points in the README. */
		String where(long line) {
			int readme = (line >= 1 && line <= this.readmeLines.length) ? this.readmeLines[(int) line - 1] : 0;
			return "README.md" + ((readme > 0) ? ":" + readme : "") + " (example '" + this.snippet.name() + "')";
		}

	}

	/**
	 * The examples of a README, in order; a {@code ```java} block without its directive is an error.
	 * @param readme the README's text
	 * @return the examples
	 */
	static List<Snippet> parse(String readme) {
		List<String> lines = readme.lines().toList();
		List<Snippet> snippets = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher fence = JAVA_FENCE.matcher(lines.get(i));
			if (!fence.matches()) {
				continue;
			}
			Matcher directive = DIRECTIVE.matcher((i > 0) ? lines.get(i - 1).strip() : "");
			if (!directive.matches()) {
				throw new IllegalStateException("README.md:" + (i + 1)
						+ ": a ```java block needs a '<!-- snippet: NAME -->' line right above it, so that it is compiled");
			}
			String indent = fence.group(1);
			int end = i + 1;
			while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
				end++;
			}
			List<String> code = lines.subList(i + 1, end)
				.stream()
				.map((line) -> line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading())
				.toList();
			snippets.add(new Snippet(directive.group(1), i + 2, code));
			i = end;
		}
		return snippets;
	}

	/**
	 * The compilation unit of an example.
	 * @param snippet the example
	 * @param shape how it is compiled
	 * @param given parameter declarations of the method that holds statements, fully qualified
	 * @return the unit
	 */
	static Unit unit(Snippet snippet, Shape shape, List<String> given) {
		String wrapper = "Snippet_" + snippet.name().replace('-', '_');
		List<String> source = new ArrayList<>();
		List<Integer> origin = new ArrayList<>();
		int body = 0;
		if (shape != Shape.UNIT) {
			while (body < snippet.lines().size() && (snippet.lines().get(body).isBlank()
					|| snippet.lines().get(body).startsWith("import "))) {
				body++;
			}
		}
		for (int i = 0; i < snippet.lines().size(); i++) {
			if (i == body && shape != Shape.UNIT) {
				source.add("class " + wrapper + " {");
				origin.add(0);
				if (shape == Shape.STATEMENTS) {
					source.add("static void run(" + String.join(", ", given) + ") throws Exception {");
					origin.add(0);
				}
			}
			source.add(snippet.lines().get(i).replace("{ ... }", "{ }"));
			origin.add(snippet.firstLine() + i);
		}
		if (shape != Shape.UNIT) {
			source.add((shape == Shape.STATEMENTS) ? "}}" : "}");
			origin.add(0);
		}
		String text = String.join("\n", source) + "\n";
		Matcher publicType = PUBLIC_TYPE.matcher(text);
		String className = (shape == Shape.UNIT && publicType.find()) ? publicType.group(1) : wrapper;
		return new Unit(snippet, className, text, origin.stream().mapToInt(Integer::intValue).toArray());
	}

	/**
	 * Compiles units together (an example may use a type another one declares) into {@code output}.
	 * @param units the units
	 * @param extraSources further sources by class name, such as a user's class an example names
	 * @param output the class output directory
	 * @return the errors and warnings, each with the README line it concerns; empty when all compiled cleanly
	 */
	static List<String> compile(List<Unit> units, Map<String, String> extraSources, Path output) {
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<JavaFileObject> sources = new ArrayList<>();
		for (Unit unit : units) {
			sources.add(new Source(unit.className(), unit.source()));
		}
		extraSources.forEach((name, text) -> sources.add(new Source(name, text)));
		try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			Files.createDirectories(output);
			List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:deprecation,removal,unchecked",
					"-Werror", "-d", output.toString(), "-classpath", testClassPath());
			javac.getTask(null, files, diagnostics, options, null, sources).call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> problems = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
				continue;
			}
			String where = units.stream()
				.filter((unit) -> diagnostic.getSource() != null
						&& diagnostic.getSource().getName().endsWith("/" + unit.className() + ".java"))
				.findFirst()
				.map((unit) -> unit.where(diagnostic.getLineNumber()))
				.orElse((diagnostic.getSource() != null) ? diagnostic.getSource().getName() : "javac");
			problems.add(where + ": " + diagnostic.getKind().toString().toLowerCase(Locale.ROOT) + ": "
					+ diagnostic.getMessage(Locale.ROOT));
		}
		return problems;
	}

	/** The class path this test runs with, as surefire hands it to the forked JVM. */
	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	/**
	 * The lines between {@code // README:start NAME} and {@code // README:end NAME} of a source file, tabs as four
	 * spaces, trailing blanks removed.
	 * @param file the source file
	 * @param name the region's name
	 * @return the lines
	 */
	static List<String> region(Path file, String name) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int start = lines.indexOf("// README:start " + name);
		int end = lines.indexOf("// README:end " + name);
		if (start < 0 || end < start) {
			throw new IllegalStateException(file + " has no region '// README:start " + name + "' ... '// README:end "
					+ name + "'");
		}
		return normalise(lines.subList(start + 1, end));
	}

	/** Lines compared as a reader sees them: tabs as four spaces, no trailing blanks, no blank lines at either end. */
	static List<String> normalise(List<String> lines) {
		List<String> normalised = new ArrayList<>(lines.stream().map((line) -> line.replace("\t", "    ").stripTrailing()).toList());
		while (!normalised.isEmpty() && normalised.get(0).isEmpty()) {
			normalised.remove(0);
		}
		while (!normalised.isEmpty() && normalised.get(normalised.size() - 1).isEmpty()) {
			normalised.remove(normalised.size() - 1);
		}
		return normalised;
	}

	/** A source held in memory. */
	private static final class Source extends SimpleJavaFileObject {

		private final String text;

		Source(String className, String text) {
			super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

}
