/** Spring Boot auto-configuration for Zilliz Cloud stages, volumes and import jobs. */
@NullMarked
package dev.stagekit.autoconfigure;

import org.jspecify.annotations.NullMarked;
