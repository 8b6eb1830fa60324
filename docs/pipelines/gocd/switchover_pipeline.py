#!/usr/bin/env python
"""GoCD: the gate as a stage before the manually approved production deployment, configured with gomatic.

Run it to see the change it would make (a dry run), then with --apply to save it:

    pip install gomatic
    GOCD_SERVER=localhost:8153 python switchover_pipeline.py [--apply]

The switchover-gate stage checks the batch that deploy-to-production would promote against what production runs
(the tag the deployment moves), publishes every format of the report as an artifact, and shows report.html in a
tab of the job; deploy-to-production waits for a person's approval, and only runs once the gate passed.
"""
import os
import sys

from gomatic import BuildArtifact, ExecTask, GitMaterial, GoCdConfigurator, HostRestClient, Tab

PIPELINE_GROUP = "people"
PIPELINE = "person-service"
SWITCHOVER = ".switchover/bin/switchover"


def configure(configurator, repository_url="https://git.example.com/people/person-service.git"):
    """Adds (or replaces) the pipeline; returns it."""
    pipeline = configurator.ensure_pipeline_group(PIPELINE_GROUP).ensure_replacement_of_pipeline(PIPELINE)
    pipeline.set_git_material(GitMaterial(repository_url, branch="main", shallow=False))
    pipeline.ensure_environment_variables({
        "PRODUCTION_REF": "production",
        "SWITCHOVER_REPOSITORY": "https://github.com/switchover/switchover.git",
    })
    # A read-only role with SELECT on flyway_schema_history, as secure variables of the pipeline
    pipeline.ensure_unencrypted_secure_environment_variables({
        "SWITCHOVER_PROD_USER": os.environ.get("SWITCHOVER_PROD_USER", "switchover_reader"),
        "SWITCHOVER_PROD_PASSWORD": os.environ.get("SWITCHOVER_PROD_PASSWORD", "change-me"),
    })

    build = pipeline.ensure_stage("build").ensure_job("build")
    build.ensure_task(ExecTask(["mvn", "-B", "verify"]))

    testing = pipeline.ensure_stage("deploy-to-manual-testing").ensure_job("deploy")
    testing.ensure_task(ExecTask(["./deploy.sh", "manual-testing"]))

    gate = pipeline.ensure_stage("switchover-gate").ensure_job("check")
    gate.ensure_task(ExecTask(["bash", "-c", "git clone --depth 1 \"$SWITCHOVER_REPOSITORY\" .switchover"]))
    gate.ensure_task(ExecTask(["bash", "-c", SWITCHOVER + " snapshot-prod --prod-history \"$PROD_HISTORY_URL\""
                                             " --output history.json"]))
    gate.ensure_task(ExecTask([SWITCHOVER, "check", "--prod", "git:production", "--prod-history", "history.json",
                               "--output-dir", "switchover-report"]))
    gate.ensure_artifacts({BuildArtifact("switchover-report", "switchover-report")})
    gate.ensure_tab(Tab("switchover", "switchover-report/report.html"))

    production = pipeline.ensure_stage("deploy-to-production")
    production.set_has_manual_approval()
    deploy = production.ensure_job("deploy")
    deploy.ensure_task(ExecTask(["./deploy.sh", "production"]))
    deploy.ensure_task(ExecTask(["bash", "-c", "git tag -f production && git push -f origin refs/tags/production"]))
    return pipeline


if __name__ == "__main__":
    go = GoCdConfigurator(HostRestClient(os.environ.get("GOCD_SERVER", "localhost:8153")))
    configure(go)
    go.save_updated_config(save_config_locally=True, dry_run="--apply" not in sys.argv)
