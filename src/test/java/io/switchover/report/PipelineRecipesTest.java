package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import groovy.lang.GroovyShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline recipes of docs/pipelines and the pre-commit hook are checked as their systems read them: the GitHub
 * workflow against GitHub's workflow schema (action-validator), GitLab's file and the pre-commit hooks as YAML with
 * the keys their systems require, the Jenkinsfile compiled as Groovy, the gomatic script imported and run against a
 * recording stand-in for gomatic. Each recipe runs the gate with --output-dir and attaches the files it writes.
 */
class PipelineRecipesTest {
    private static final Path RECIPES = Path.of("docs/pipelines");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @Test
    void theGitHubWorkflowIsValidAgainstGitHubsSchema(@TempDir Path dir) throws IOException {
        Path validator = ConsumerTools.npm(".bin/action-validator");
        ConsumerTools.Run ours = ConsumerTools.run(dir, List.of(validator.toString(),
                RECIPES.resolve("github-actions.yml").toAbsolutePath().toString()));
        assertEquals(0, ours.exitCode(), ours.output());

        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, Files.readString(RECIPES.resolve("github-actions.yml")).replace("runs-on:", "runs_on:"));
        assertNotEquals(0, ConsumerTools.run(dir, List.of(validator.toString(), broken.toString())).exitCode(),
                "the validator tells a broken workflow");
        String workflow = Files.readString(RECIPES.resolve("github-actions.yml"));
        assertTrue(workflow.contains("--output-dir switchover-report"));
        assertTrue(workflow.contains("sarif_file: switchover-report/report.sarif"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitLabJobAttachesTheJunitAndCodeQualityReportsTheGateWrites() throws IOException {
        Map<String, Object> ci = yaml(RECIPES.resolve("gitlab-ci.yml"));
        List<String> stages = (List<String>) ci.get("stages");
        Map<String, Object> gate = (Map<String, Object>) ci.get("switchover");

        assertTrue(stages.contains((String) gate.get("stage")));
        List<String> script = (List<String>) gate.get("script");
        assertTrue(script.stream().anyMatch(line -> line.contains("check") && line.contains("--output-dir switchover-report")),
                script.toString());
        Map<String, Object> reports = (Map<String, Object>) ((Map<String, Object>) gate.get("artifacts")).get("reports");
        assertEquals("switchover-report/" + ReportFormat.JUNIT.fileName(), reports.get("junit"));
        assertEquals("switchover-report/" + ReportFormat.GITLAB.fileName(), reports.get("codequality"));
        Map<String, Object> deploy = (Map<String, Object>) ci.get("deploy-production");
        assertEquals("manual", deploy.get("when"));
        assertEquals(List.of("switchover"), deploy.get("needs"));
        for (Map.Entry<String, Object> job : ci.entrySet()) {
            if (job.getValue() instanceof Map<?, ?> body && !job.getKey().equals("variables")) {
                assertTrue(body.containsKey("script"), job.getKey() + " has a script");
                assertTrue(stages.contains((String) body.get("stage")), job.getKey() + "'s stage is declared");
            }
        }
    }

    @Test
    void theJenkinsfileCompilesAsGroovyAndPublishesTheReport() throws IOException {
        String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile"));

        new GroovyShell().parse(jenkinsfile, "Jenkinsfile");
        assertTrue(jenkinsfile.contains("junit testResults: 'switchover-report/" + ReportFormat.JUNIT.fileName() + "'"));
        assertTrue(jenkinsfile.contains("reportFiles: '" + ReportFormat.HTML.fileName() + "'"));
        assertTrue(jenkinsfile.indexOf("stage('switchover gate')") < jenkinsfile.indexOf("input message"));
    }

    @Test
    void theGomaticScriptImportsAndConfiguresTheGateBeforeTheApprovedDeployment(@TempDir Path dir) throws IOException {
        Path stub = Path.of("src/test/resources/gomatic-stub").toAbsolutePath();
        Path recipe = RECIPES.resolve("gocd").toAbsolutePath();
        String script = "import json, sys\n"
                + "sys.path[:0] = [" + quoted(stub) + ", " + quoted(recipe) + "]\n"
                + "import gomatic, switchover_pipeline\n"
                + "switchover_pipeline.configure(gomatic.GoCdConfigurator(gomatic.HostRestClient('localhost:8153')))\n"
                + "print(json.dumps(gomatic.RECORDED))\n";
        ConsumerTools.Run run = ConsumerTools.run(dir, List.of("python3", "-c", script));
        assertEquals(0, run.exitCode(), run.output());

        JsonNode pipeline = new ObjectMapper().readTree(run.output()).at("/pipelines/0");
        List<String> stages = new ArrayList<>();
        pipeline.get("stages").forEach(s -> stages.add(s.get("name").asText()
                + (s.get("manual_approval").asBoolean() ? " (manual)" : "")));
        assertEquals(List.of("build", "deploy-to-manual-testing", "switchover-gate", "deploy-to-production (manual)"),
                stages);
        JsonNode gate = pipeline.at("/stages/2/jobs/0");
        assertTrue(gate.get("tasks").toString().contains("\"check\",\"--prod\",\"git:production\""), gate.toString());
        assertTrue(gate.get("tasks").toString().contains("\"--output-dir\",\"switchover-report\""), gate.toString());
        assertEquals("[[\"switchover-report\",\"switchover-report\"]]", gate.get("artifacts").toString());
        assertEquals("[[\"switchover\",\"switchover-report/" + ReportFormat.HTML.fileName() + "\"]]",
                gate.get("tabs").toString());
        assertEquals("[\"SWITCHOVER_PROD_PASSWORD\",\"SWITCHOVER_PROD_USER\"]", pipeline.get("secure_variables").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHookIsWhatPreCommitLoads() throws IOException {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(Path.of(".pre-commit-hooks.yaml")));
        Set<String> languages = Set.of("conda", "coursier", "dart", "docker", "docker_image", "dotnet", "fail",
                "golang", "haskell", "julia", "lua", "node", "perl", "pygrep", "python", "r", "ruby", "rust", "script",
                "swift", "system");
        Set<String> stages = Set.of("commit-msg", "post-checkout", "post-commit", "post-merge", "post-rewrite",
                "pre-commit", "pre-merge-commit", "pre-push", "pre-rebase", "prepare-commit-msg", "manual");

        assertEquals(1, hooks.size());
        Map<String, Object> hook = hooks.get(0);
        for (String key : List.of("id", "name", "entry", "language")) {
            assertTrue(hook.get(key) instanceof String text && !text.isBlank(), key);
        }
        assertTrue(languages.contains((String) hook.get("language")));
        assertTrue(stages.containsAll((List<String>) hook.get("stages")));
        Path entry = Path.of(((String) hook.get("entry")).split(" ")[0]);
        assertTrue(Files.isExecutable(entry), "language: script runs " + entry + " from this repository");
        java.util.regex.Pattern.compile((String) hook.get("files"));
    }

    private static String quoted(Path path) throws IOException {
        return new ObjectMapper().writeValueAsString(path.toString());
    }
}
