/**
 * The promotion plan: from the matrix of which recorded version works at which schema state of one replay, the
 * shortest sequence of promotions that keeps every running version working, each deploying a version recorded
 * between production's and the candidate; or, where none is safe, which migration must wait for which version. Reads
 * the timeline and the rules' evidence; writes nothing but the plan.
 */
package io.switchover.plan;
