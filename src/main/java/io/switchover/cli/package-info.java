/** The command line: a thin picocli shell over {@link io.switchover.check.SwitchoverCheck}. Nothing depends on it. */
package io.switchover.cli;
