/**
 * The upload pipeline behind every file manager: {@code UploadEngine} (the facade) dispatches a tree to
 * {@code TreePlanner} and {@code TreeUpload}, a stream to {@code StreamUpload}; both send through the one
 * {@code MultipartUpload} (resumable through {@code ResumableUpload}) on clients from
 * {@code StorageClients}, each request retried by {@code StorageRetry}. Not an API: its few public types
 * are each justified in their javadoc and allow-listed by the build.
 *
 * <p>Where a change lands: object keys are built in {@code UploadPlan.keyOf} (a key length check);
 * skip decisions and quotas on what is sent in {@code TreePlanner} (its listing arrives in key order from
 * {@code ObjectListing}, ready to be merged with the walk); every request body in {@code PartBody}; the
 * single PUT, parts, Complete and Abort in {@code MultipartUpload} (a re-check after a lost answer, a
 * cheaper small-file PUT, abort failures); checkpoints in {@code ResumableUpload}; S3 client set-up
 * (metric publishers) in {@code StorageClients}; the source file's identity in
 * {@code SourceScanner.SourceFile.changed}.
 */
@NullMarked
package dev.stagekit.client.upload.internal;

import org.jspecify.annotations.NullMarked;
