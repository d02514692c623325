/**
 * The object store (MinIO client; embedded S3 store by default): buckets, byte reads and writes. Published to the
 * modules that keep files as base's named interface "storage".
 */
@NamedInterface("storage")
@NullMarked
package org.yundangke.base.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
