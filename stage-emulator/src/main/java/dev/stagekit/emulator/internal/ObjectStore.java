package dev.stagekit.emulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import dev.stagekit.emulator.IncompleteUpload;
import dev.stagekit.emulator.StoredObject;
import dev.stagekit.emulator.BackingStore;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The data plane's storage: one S3Proxy blob store (in memory, or on disk under a data directory)
 * holding one bucket. The control plane reads it to check import paths and to delete a managed
 * volume's files; tests read it through the emulator's hooks.
 */
public final class ObjectStore implements AutoCloseable {

	private final BlobStore blobStore;

	private final String bucket;

	public ObjectStore(@Nullable Path dataDirectory, String bucket, @Nullable BackingStore backingStore) {
		Properties properties = new Properties();
		String provider = "transient";
		if (backingStore != null) {
			properties.setProperty("jclouds.endpoint", backingStore.endpoint().toString());
			properties.setProperty("jclouds.identity", backingStore.accessKey());
			properties.setProperty("jclouds.credential", backingStore.secretKey());
			properties.setProperty("jclouds.region", backingStore.region());
			provider = "aws-s3";
		}
		else if (dataDirectory != null) {
			Path objects = dataDirectory.resolve("objects");
			try {
				Files.createDirectories(objects);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the object directory " + objects, ex);
			}
			properties.setProperty("jclouds.filesystem.basedir", objects.toString());
			provider = "filesystem";
		}
		this.blobStore = BlobStores.create(provider, properties);
		this.bucket = bucket;
		if (!this.blobStore.containerExists(bucket)) {
			this.blobStore.createContainer(bucket);
		}
	}

	public BlobStore blobStore() {
		return this.blobStore;
	}

	public String bucket() {
		return this.bucket;
	}

	/** Every object under {@code prefix}, in key order. */
	public List<StoredObject> list(String prefix) {
		List<StoredObject> objects = new ArrayList<>();
		forEach(prefix, (object) -> objects.add(object));
		return objects;
	}

	/** Visits every object under {@code prefix}, page by page, in key order. */
	public void forEach(String prefix, Consumer<StoredObject> action) {
		String token = null;
		do {
			ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
				.bucket(this.bucket)
				.prefix(prefix)
				.maxKeys(1000);
			if (token != null) {
				request.continuationToken(token);
			}
			ListObjectsV2Response page = this.blobStore.list(request.build());
			for (S3Object object : page.contents()) {
				action.accept(new StoredObject(object.key(), object.size(), unquote(object.eTag()),
						object.lastModified()));
			}
			token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
		}
		while (token != null);
	}

	/**
	 * Whether a key (or prefix) has a {@code .} or {@code ..} segment. S3 keeps such keys as literal
	 * text; S3Proxy's stores (in memory too) keep objects in files and resolve those segments to
	 * another key, so the emulator holds no such key and finds none.
	 */
	public static boolean hasDotSegment(String key) {
		for (String segment : key.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	public Optional<StoredObject> head(String key) {
		if (hasDotSegment(key)) {
			return Optional.empty();
		}
		HeadObjectResponse head = this.blobStore.blobMetadataIfPresent(this.bucket, key);
		if (head == null) {
			return Optional.empty();
		}
		return Optional.of(new StoredObject(key, head.contentLength(), unquote(head.eTag()), head.lastModified()));
	}

	/** Whether any object's key starts with {@code prefix}. */
	public boolean anyUnder(String prefix) {
		ListObjectsV2Response page = this.blobStore
			.list(ListObjectsV2Request.builder().bucket(this.bucket).prefix(prefix).maxKeys(1).build());
		return !page.contents().isEmpty();
	}

	/** Streams an object's bytes; the caller closes the stream. */
	public InputStream open(String key) {
		if (head(key).isEmpty()) {
			throw new IllegalArgumentException("No object with key '" + key + "' in bucket " + this.bucket);
		}
		return this.blobStore.getBlob(this.bucket, key);
	}

	/** The SHA-256 of an object's bytes, in lowercase hex, read as a stream. */
	public String sha256(String key) {
		try (InputStream in = new DigestInputStream(open(key), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public List<IncompleteUpload> incompleteUploads() {
		return this.blobStore.listMultipartUploads(this.bucket)
			.stream()
			.map((upload) -> new IncompleteUpload(upload.key(), upload.uploadId()))
			.toList();
	}

	/** Deletes every object under {@code prefix} and aborts every multipart upload there. */
	public void deleteUnder(String prefix) {
		for (StoredObject object : list(prefix)) {
			this.blobStore.removeBlob(this.bucket, object.key());
		}
		for (IncompleteUpload upload : incompleteUploads()) {
			if (upload.key().startsWith(prefix)) {
				this.blobStore.abortMultipartUpload(new MultipartUpload(upload.uploadId(),
						CreateMultipartUploadRequest.builder().bucket(this.bucket).key(upload.key()).build()));
			}
		}
	}

	private static String unquote(@Nullable String eTag) {
		if (eTag == null) {
			return "";
		}
		return (eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) ? eTag.substring(1, eTag.length() - 1)
				: eTag;
	}

	@Override
	public void close() {
		this.blobStore.close();
	}

}
