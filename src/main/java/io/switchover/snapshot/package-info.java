/** Snapshots: all files of the system at one version, read from a directory (and, later, from a git commit). */
package io.switchover.snapshot;
