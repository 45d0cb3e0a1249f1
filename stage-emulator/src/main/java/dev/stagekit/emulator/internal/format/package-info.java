/**
 * Reads import files (Parquet, JSON, JSONL, CSV and NumPy folders) as Milvus's import does and checks every
 * row against a collection schema, streaming each file from the data plane. Not API.
 */
@NullMarked
package dev.stagekit.emulator.internal.format;

import org.jspecify.annotations.NullMarked;
