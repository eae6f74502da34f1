package dev.knownerrors.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the command in-process, the way main() does, capturing stdout, stderr and the exit code. */
final class Cli {

    /** The real bundled entry file of the seed error, as a KB of one. */
    static final String SEED_KB = "../kb-core/src/main/kb/database/redis-bgsave-fork-error.json";
    static final String REDIS_ID = "database/redis-bgsave-fork-error";
    static final String REDIS_MESSAGE = "Can't save in background: fork: Cannot allocate memory";

    /** Two entries of our own, English and Chinese texts, for multi-entry scenarios. */
    static final String TEST_KB = """
            [
              {
                "id": "network/connection-refused",
                "signature": "java.net.ConnectException: Connection refused",
                "regex": "java\\\\.net\\\\.ConnectException: Connection refused",
                "domain": "network",
                "root_cause": "Nothing listens on the target host and port. Usually the server is down.",
                "root_cause_zh": "目标主机和端口上没有进程在监听。",
                "workarounds": [
                  {"action": "Check the host and port, start the server", "success_rate": 0.85},
                  {"action": "Open the firewall", "success_rate": 0.3}
                ],
                "workarounds_zh": ["检查主机和端口，启动服务器", "打开防火墙"],
                "dead_ends": [
                  {"action": "Raising the connect timeout", "why_fails": "nothing answers however long you wait", "fail_rate": 0.9},
                  {"action": "Retrying in a loop", "why_fails": "the port stays closed", "fail_rate": 0.8}
                ],
                "dead_ends_zh": ["增加连接超时——等多久都没有回应", "循环重试——端口一直关闭"],
                "official_doc_url": "https://docs.oracle.com/javase/8/docs/api/java/net/ConnectException.html",
                "confidence": 0.9,
                "examples": ["java.net.ConnectException: Connection refused"],
                "counter_examples": ["java.net.ConnectException: Connection timed out"]
              },
              {
                "id": "jvm/heap-space",
                "signature": "java.lang.OutOfMemoryError: Java heap space",
                "regex": "java\\\\.lang\\\\.OutOfMemoryError: Java heap space",
                "root_cause": "The heap is too small for the live data, or something leaks.",
                "workarounds": [{"action": "Raise -Xmx after a heap dump shows no leak", "success_rate": 0.6}],
                "examples": ["java.lang.OutOfMemoryError: Java heap space"]
              }
            ]
            """;

    private Cli() {
    }

    record Result(int exit, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KnownErrorsCommand.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
