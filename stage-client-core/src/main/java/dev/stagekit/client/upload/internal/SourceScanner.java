package dev.stagekit.client.upload.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.stagekit.client.InvalidRequestException;
import dev.stagekit.client.upload.SourceChangedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks an upload source lazily: a single file, or a directory tree in S3 key order (names sorted per
 * directory by their UTF-8 bytes, see {@link KeyOrder}), hidden files included, symbolic links followed, directory cycles refused. Only the
 * directories on the current path are held in memory, never the whole file list, so a tree can be
 * walked twice: once to check the limits, once to upload.
 */
final class SourceScanner implements Iterable<SourceScanner.SourceFile> {

	private static final Logger logger = LoggerFactory.getLogger(SourceScanner.class);

	private final Path source;

	private final boolean directory;

	private volatile String longestPath = "";

	/**
	 * The relative path with the most UTF-8 bytes (its object key is the longest), as of {@link #summarize()}.
	 * @return the path, or {@code ""} before the first summary
	 */
	String longestPath() {
		return this.longestPath;
	}

	private SourceScanner(Path source, boolean directory) {
		this.source = source;
		this.directory = directory;
	}

	/**
	 * Check a source and prepare to walk it.
	 * @param source a regular file or a directory (links followed)
	 * @return the scanner
	 * @throws InvalidRequestException if the source does not exist or is neither a file nor a directory
	 */
	static SourceScanner of(Path source) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(source, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			throw new InvalidRequestException("source", source, "does not exist or cannot be read (" + ex + ")");
		}
		if (!attributes.isDirectory() && !attributes.isRegularFile()) {
			throw new InvalidRequestException("source", source, "is neither a regular file nor a directory");
		}
		return new SourceScanner(source, attributes.isDirectory());
	}

	/**
	 * Return whether the source is a directory.
	 * @return whether it is a directory
	 */
	boolean isDirectory() {
		return this.directory;
	}

	/**
	 * Count the files and bytes by walking the whole source once.
	 * @return the totals
	 */
	Summary summarize() {
		long files = 0;
		long bytes = 0;
		long largest = 0;
		String longestPath = "";
		int longestBytes = 0;
		for (SourceFile file : this) {
			files++;
			bytes += file.size();
			largest = Math.max(largest, file.size());
			int pathBytes = UploadKeys.utf8Length(file.relativePath());
			if (pathBytes > longestBytes) {
				longestBytes = pathBytes;
				longestPath = file.relativePath();
			}
		}
		this.longestPath = longestPath;
		return new Summary(files, bytes, largest);
	}

	@Override
	public Iterator<SourceFile> iterator() {
		if (!this.directory) {
			SourceFile file = stat(this.source, this.source.getFileName().toString());
			return List.of(file).iterator();
		}
		return new TreeIterator(this.source);
	}

	private static SourceFile stat(Path path, String relativePath) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			return new SourceFile(path, relativePath, attributes.size(), attributes.lastModifiedTime(),
					attributes.fileKey());
		}
		catch (IOException ex) {
			throw unreadable(path, "cannot be read", ex);
		}
	}

	/** A file or directory of the source that cannot be read (a symbolic link loop, no permission, ...). */
	static InvalidRequestException unreadable(Path path, String what, IOException ex) {
		String reason = (ex instanceof FileSystemLoopException
				|| String.valueOf(ex.getMessage()).contains("Too many levels of symbolic links"))
				? "is a symbolic link loop" : what + " (" + ex + ")";
		return new InvalidRequestException("source entry", path, reason
				+ "; fix or remove it, or upload a directory that does not contain it");
	}

	/**
	 * One regular file to upload, with its size and modification time when it was listed.
	 *
	 * @param path the file (as found, links not resolved)
	 * @param relativePath its path relative to the source root, with {@code /}
	 * @param size its size in bytes
	 * @param lastModified its modification time
	 * @param fileKey its identity (device and inode where the file system has them), or {@code null}: a file
	 * replaced by rename has another, even with the same size and modification time
	 */
	record SourceFile(Path path, String relativePath, long size, FileTime lastModified, @Nullable Object fileKey) {

		SourceFile(Path path, String relativePath, long size, FileTime lastModified) {
			this(path, relativePath, size, lastModified, null);
		}

		/**
		 * Check that the file still has the size and modification time it was listed with.
		 * @return why it changed, or {@code null} if it did not
		 */
		@Nullable SourceChangedException changed() {
			try {
				BasicFileAttributes now = Files.readAttributes(this.path, BasicFileAttributes.class);
				if (now.size() != this.size) {
					return new SourceChangedException(this.path, "size " + this.size + " -> " + now.size() + " bytes",
							null);
				}
				if (!now.lastModifiedTime().equals(this.lastModified)) {
					return new SourceChangedException(this.path,
							"modified at " + now.lastModifiedTime() + ", listed at " + this.lastModified, null);
				}
				if (this.fileKey != null && !this.fileKey.equals(now.fileKey())) {
					return new SourceChangedException(this.path,
							"it was replaced by another file (identity " + this.fileKey + " -> " + now.fileKey() + ")",
							null);
				}
				return null;
			}
			catch (IOException ex) {
				return new SourceChangedException(this.path, "it can no longer be read", ex);
			}
		}

		/** Fail if the file changed since it was listed. */
		void requireUnchanged() {
			SourceChangedException changed = changed();
			if (changed != null) {
				throw changed;
			}
		}

	}

	/**
	 * Totals of a source.
	 *
	 * @param files the number of files
	 * @param bytes the number of bytes
	 * @param largest the size of the largest file
	 */
	record Summary(long files, long bytes, long largest) {
	}

	private record Entry(Path path, String relativePath, BasicFileAttributes attributes) {
	}

	private record Frame(Iterator<Entry> children, Object identity) {
	}

	private final class TreeIterator implements Iterator<SourceFile> {

		private final Deque<Frame> stack = new ArrayDeque<>();

		private final Set<Object> ancestors = new HashSet<>();

		private @Nullable SourceFile next;

		TreeIterator(Path root) {
			enter(root, "", attributes(root));
		}

		@Override
		public boolean hasNext() {
			while (this.next == null && !this.stack.isEmpty()) {
				Frame frame = this.stack.peek();
				if (!frame.children().hasNext()) {
					this.stack.pop();
					this.ancestors.remove(frame.identity());
					continue;
				}
				Entry entry = frame.children().next();
				if (entry.attributes().isDirectory()) {
					enter(entry.path(), entry.relativePath() + "/", entry.attributes());
				}
				else {
					this.next = new SourceFile(entry.path(), entry.relativePath(), entry.attributes().size(),
							entry.attributes().lastModifiedTime(), entry.attributes().fileKey());
				}
			}
			return this.next != null;
		}

		@Override
		public SourceFile next() {
			SourceFile file = hasNext() ? this.next : null;
			if (file == null) {
				throw new NoSuchElementException();
			}
			this.next = null;
			return file;
		}

		private void enter(Path directory, String relativePrefix, BasicFileAttributes attributes) {
			Object identity = identity(directory, attributes);
			if (this.ancestors.contains(identity)) {
				throw new InvalidRequestException("source", SourceScanner.this.source,
						"contains a directory symlink cycle: '" + relativePrefix + "' leads back to one of its"
								+ " parent directories");
			}
			List<Entry> children = new ArrayList<>();
			try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
				for (Path child : stream) {
					String name = child.getFileName().toString();
					BasicFileAttributes childAttributes = attributesOrNull(child);
					if (childAttributes == null) {
						logger.warn("Skipping {}: it is a broken symbolic link", child);
					}
					else if (childAttributes.isDirectory() || childAttributes.isRegularFile()) {
						children.add(new Entry(child, relativePrefix + name, childAttributes));
					}
					else {
						logger.warn("Skipping {}: it is neither a regular file nor a directory", child);
					}
				}
			}
			catch (IOException ex) {
				throw unreadable(directory, "cannot be listed", ex);
			}
			// Sort as S3 lists keys (UTF-8 byte order): a directory sorts as its name followed by '/'.
			children.sort((a, b) -> KeyOrder.compare(sortKey(a), sortKey(b)));
			this.stack.push(new Frame(children.iterator(), identity));
			this.ancestors.add(identity);
		}

		private static String sortKey(Entry entry) {
			return entry.attributes().isDirectory() ? entry.relativePath() + "/" : entry.relativePath();
		}

		private static Object identity(Path directory, BasicFileAttributes attributes) {
			Object key = attributes.fileKey();
			if (key != null) {
				return key;
			}
			try {
				return directory.toRealPath();
			}
			catch (IOException ex) {
				throw unreadable(directory, "cannot be resolved", ex);
			}
		}

		private static BasicFileAttributes attributes(Path path) {
			try {
				return Files.readAttributes(path, BasicFileAttributes.class);
			}
			catch (IOException ex) {
				throw unreadable(path, "cannot be read", ex);
			}
		}

		private static @Nullable BasicFileAttributes attributesOrNull(Path path) {
			try {
				return Files.readAttributes(path, BasicFileAttributes.class);
			}
			catch (NoSuchFileException ex) {
				if (Files.isSymbolicLink(path)) {
					return null;
				}
				throw unreadable(path, "cannot be read", ex);
			}
			catch (IOException ex) {
				throw unreadable(path, "cannot be read", ex);
			}
		}

	}

}
