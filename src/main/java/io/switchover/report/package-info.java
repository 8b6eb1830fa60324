/**
 * One report model for a check (verdict, batch, findings, what was not checked, how to split the batch) and the
 * writers that render it: text for a pipeline log, JSON for scripts. The exit code is derived here too.
 */
package io.switchover.report;
