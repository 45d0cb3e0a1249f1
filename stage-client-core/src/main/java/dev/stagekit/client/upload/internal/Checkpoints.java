package dev.stagekit.client.upload.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints of resumable multipart uploads: one small append-only file per object, a header line that
 * identifies the upload and its source, then one line per part the store acknowledged. A torn last line (the
 * process died while writing it) is ignored: that part is simply sent again. No credentials are written.
 */
final class Checkpoints {

	private static final Logger logger = LoggerFactory.getLogger(Checkpoints.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Path directory;

	Checkpoints(Path directory) {
		this.directory = directory;
	}

	Path fileFor(String kind, String name, String bucket, String key) {
		return this.directory.resolve(sha256(kind + "\n" + name + "\n" + bucket + "\n" + key) + ".checkpoint");
	}

	Optional<Checkpoint> read(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String first = reader.readLine();
			if (first == null) {
				return Optional.empty();
			}
			Header header = json.readValue(first, Header.class);
			List<Part> parts = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				try {
					parts.add(json.readValue(line, Part.class));
				}
				catch (JacksonException ex) {
					break;
				}
			}
			return Optional.of(new Checkpoint(file, header, parts));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring unreadable upload checkpoint {}: {}", file, ex.getOriginalMessage());
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read upload checkpoint " + file, ex);
		}
	}

	/**
	 * Read every checkpoint of the directory.
	 * @return the checkpoints that could be read
	 */
	List<Checkpoint> all() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<Checkpoint> found = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "*.checkpoint")) {
			for (Path file : files) {
				read(file).ifPresent(found::add);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list upload checkpoints in " + this.directory, ex);
		}
		return found;
	}

	void start(Path file, Header header) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, json.writeValueAsString(header) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write upload checkpoint " + file, ex);
		}
	}

	synchronized void append(Path file, Part part) {
		try {
			Files.writeString(file, json.writeValueAsString(part) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write upload checkpoint " + file, ex);
		}
	}

	void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete upload checkpoint {}: {}", file, ex.getMessage());
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a checkpoint resumes.
	 *
	 * @param version the format version
	 * @param source the source file (absolute)
	 * @param size its size when the upload started
	 * @param modified its modification time when the upload started
	 * @param partSize the part size
	 * @param uploadId the multipart upload id
	 * @param kind the kind of the stage or volume ({@code null} in checkpoints of older versions)
	 * @param name the stage or volume name
	 * @param key the object key
	 * @param path the file's path inside the stage or volume
	 */
	record Header(int version, String source, long size, String modified, long partSize, String uploadId,
			@Nullable String kind, @Nullable String name, @Nullable String key, @Nullable String path) {

		Header withUploadId(String uploadId) {
			return new Header(this.version, this.source, this.size, this.modified, this.partSize, uploadId,
					this.kind, this.name, this.key, this.path);
		}

	}

	/**
	 * A part the store acknowledged.
	 *
	 * @param number the part number
	 * @param etag its ETag
	 * @param checksum its checksum in the upload's algorithm, if the store returned one
	 */
	record Part(int number, String etag, @Nullable String checksum) {
	}

	/**
	 * A checkpoint read back.
	 *
	 * @param file its file
	 * @param header the header
	 * @param parts the acknowledged parts
	 */
	record Checkpoint(Path file, Header header, List<Part> parts) {
	}

}
