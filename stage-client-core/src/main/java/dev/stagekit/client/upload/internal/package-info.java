/**
 * The upload pipeline behind every file manager: {@code UploadEngine} (the facade) dispatches a tree to
 * {@code TreePlanner} and {@code TreeUpload}, a stream to {@code StreamUpload}; both send through the one
 * {@code MultipartUpload} (resumable through {@code ResumableUpload}) on clients from
 * {@code StorageClients}, each request retried by {@code StorageRetry}. Not an API: its few public types
 * are each justified in their javadoc and allow-listed by the build.
 */
@NullMarked
package dev.stagekit.client.upload.internal;

import org.jspecify.annotations.NullMarked;
