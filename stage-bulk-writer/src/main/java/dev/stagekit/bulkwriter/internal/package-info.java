/**
 * Internals of the bulk writer: row checks and file formats. Not an API.
 */
@NullMarked
package dev.stagekit.bulkwriter.internal;

import org.jspecify.annotations.NullMarked;
