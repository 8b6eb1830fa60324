"""A stand-in for gomatic that records what a script configures, for tests: each class takes and offers only the
arguments and methods of gomatic's own, so that a misspelt call fails here as it would against GoCD."""

RECORDED = {"pipelines": []}


class HostRestClient(object):
    def __init__(self, host, ssl=False, verify_ssl=True, username=None, password=None):
        self.host = host


class GitMaterial(object):
    def __init__(self, url, branch=None, material_name=None, polling=True, ignore_patterns=None,
                 destination_directory=None, shallow=False):
        self.url = url
        self.branch = branch
        self.shallow = shallow


class ExecTask(object):
    def __init__(self, command_and_args, working_dir=None, runif="passed"):
        if not isinstance(command_and_args, list) or not command_and_args:
            raise TypeError("ExecTask takes a non-empty list: the command and its arguments")
        self.command_and_args = command_and_args


class BuildArtifact(object):
    def __init__(self, src, dest=None):
        self.src = src
        self.dest = dest


class Tab(object):
    def __init__(self, name, path):
        self.name = name
        self.path = path


class Job(object):
    def __init__(self, name):
        self.record = {"name": name, "tasks": [], "artifacts": [], "tabs": []}

    def ensure_task(self, task):
        if not isinstance(task, ExecTask):
            raise TypeError("a task")
        self.record["tasks"].append(task.command_and_args)
        return self

    def ensure_artifacts(self, artifacts):
        self.record["artifacts"].extend(sorted((a.src, a.dest) for a in artifacts))
        return self

    def ensure_tab(self, tab):
        self.record["tabs"].append([tab.name, tab.path])
        return self


class Stage(object):
    def __init__(self, name):
        self.record = {"name": name, "manual_approval": False, "jobs": []}

    def ensure_job(self, name):
        job = Job(name)
        self.record["jobs"].append(job.record)
        return job

    def set_has_manual_approval(self):
        self.record["manual_approval"] = True
        return self


class Pipeline(object):
    def __init__(self, group, name):
        self.record = {"group": group, "name": name, "material": None, "variables": {}, "secure_variables": [],
                       "stages": []}

    def set_git_material(self, material):
        self.record["material"] = {"url": material.url, "branch": material.branch, "shallow": material.shallow}
        return self

    def ensure_environment_variables(self, variables):
        self.record["variables"].update(variables)
        return self

    def ensure_unencrypted_secure_environment_variables(self, variables):
        self.record["secure_variables"].extend(sorted(variables))
        return self

    def ensure_stage(self, name):
        stage = Stage(name)
        self.record["stages"].append(stage.record)
        return stage


class PipelineGroup(object):
    def __init__(self, name):
        self.name = name

    def ensure_replacement_of_pipeline(self, name):
        pipeline = Pipeline(self.name, name)
        RECORDED["pipelines"].append(pipeline.record)
        return pipeline

    def ensure_pipeline(self, name):
        return self.ensure_replacement_of_pipeline(name)


class GoCdConfigurator(object):
    def __init__(self, host_rest_client):
        self.client = host_rest_client

    def ensure_pipeline_group(self, name):
        return PipelineGroup(name)

    def save_updated_config(self, save_config_locally=False, dry_run=False):
        RECORDED["saved"] = {"locally": save_config_locally, "dry_run": dry_run}
