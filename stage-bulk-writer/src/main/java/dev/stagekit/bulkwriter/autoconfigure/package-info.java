/**
 * Auto-configuration of {@link dev.stagekit.bulkwriter.BulkWriters}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.stagekit.bulkwriter.autoconfigure;

import org.jspecify.annotations.NullMarked;
