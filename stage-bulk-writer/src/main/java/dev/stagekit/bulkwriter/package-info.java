/**
 * Rows to import-ready files in a Zilliz Cloud volume or stage, checked against a collection schema.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.stagekit.bulkwriter;

import org.jspecify.annotations.NullMarked;
