/** Internal building blocks of the S3 upload engine; not a public API. */
@NullMarked
package dev.stagekit.client.upload.internal;

import org.jspecify.annotations.NullMarked;
