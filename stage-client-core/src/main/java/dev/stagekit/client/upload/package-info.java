/** Public values of the S3 upload engine for stages and volumes. */
@NullMarked
package dev.stagekit.client.upload;

import org.jspecify.annotations.NullMarked;
