/**
 * Collections with schemas, as a Zilliz Cloud cluster keeps them: the Milvus RESTful v2 collection
 * endpoints served on each cluster's endpoint, and the store that import and merge jobs check
 * against. Not API. What the emulator could not confirm about the wire is listed in
 * {@code CONTRACT-NOTES.md} at the root of this module.
 */
@NullMarked
package dev.stagekit.emulator.internal.collection;

import org.jspecify.annotations.NullMarked;
