#!/usr/bin/env python3
"""End-to-end tests of the h1resp binary: check (text, JSON Lines, SARIF, exit codes, stdin,
directories, streams, methods, dialects, --explain, --compare), codes, --version, the progress
line, and probe against a scripted bad server and a real nginx.

    e2e_test.py --list          the test cases, one per line (CMake makes one CTest test each)
    e2e_test.py CASE...         runs cases; exit 0 passed, 77 all skipped, 1 failed

H1RESP_BIN names the binary; H1RESP_SOURCE_DIR the source tree (for corpus/examples).
"""
import json
import os
import pty
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bad_server import BadServer  # noqa: E402

SOURCE = os.environ.get("H1RESP_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
BIN = os.environ.get("H1RESP_BIN", os.path.join(SOURCE, "build", "tools", "h1resp"))
EXAMPLES = os.path.join(SOURCE, "corpus", "examples")


def example(name):
    return os.path.join(EXAMPLES, name)


def run(*args, stdin=None, env=None, timeout=60):
    """Runs the binary; returns (exit status, stdout text, stderr text)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    p = subprocess.run([BIN, *args], input=stdin, capture_output=True, env=full_env,
                       timeout=timeout)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


FINDING = re.compile(r"^(?P<file>.+):(?P<offset>\d+): (?P<severity>error|warning|info): "
                     r"(?P<message>.*) \[(?P<rule>[a-z0-9.-]+), (?P<level>[A-Z a-z]+), "
                     r"(?P<source>[^\]]+)\]$")


def findings(text):
    """The findings of text output: dicts with file, offset, severity, message, rule, and the
    excerpt and caret lines under them."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = FINDING.match(line)
        if m:
            d = m.groupdict()
            d["excerpt"] = lines[i + 1][4:]
            d["caret"] = lines[i + 2][4:]
            out.append(d)
    return out


def caret_column(finding):
    return finding["caret"].index("^")


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class CheckText(unittest.TestCase):
    def test_clean_file_is_accepted_with_exit_0(self):
        status, out, _ = run("check", example("200-page.http"))
        self.assertEqual(status, 0)
        self.assertIn("response 1: HTTP/1.1 200 OK [accept]", out)
        self.assertIn("    Content-Length: 1644", out)
        self.assertIn("-- body: content-length, 1644 bytes", out)
        self.assertEqual(findings(out), [])

    def test_summary_line_counts_responses_and_verdicts(self):
        status, out, _ = run("check", example("keep-alive-pipeline.http"),
                             example("bad-401-no-challenge.http"), example("bad-te-and-cl.http"))
        self.assertEqual(status, 1)
        last = out.rstrip("\n").split("\n")[-1]
        self.assertRegex(last, r"^5 responses in 3 files: 3 accepted, 1 warned, 1 rejected "
                               r"\(1 error, 1 warning, \d+ info\)$")

    def test_finding_line_format(self):
        _, out, _ = run("check", example("bad-te-and-cl.http"))
        f = [f for f in findings(out) if f["rule"] == "framing.te-and-cl"][0]
        self.assertEqual(f["file"], example("bad-te-and-cl.http"))
        self.assertEqual(f["severity"], "error")
        self.assertEqual(f["message"],
                         "the response has both Transfer-Encoding and Content-Length")
        self.assertEqual(f["excerpt"], "Content-Length: 3\\r\\n")
        self.assertEqual(f["caret"], "^~~~~~~~~~~~~~~~~")
        data = open(example("bad-te-and-cl.http"), "rb").read()
        self.assertEqual(int(f["offset"]), data.index(b"Content-Length"))

    def test_messages_do_not_repeat_the_summary(self):
        _, out, _ = run("check", EXAMPLES)
        for f in findings(out):
            head, _, rest = f["message"].partition("; ")
            self.assertNotIn("no status line: no status line", f["message"])
            if rest:
                self.assertNotEqual(head.lower(), rest.lower(), f)
        http09 = [f for f in findings(out) if f["rule"] == "status.http09"][0]
        self.assertEqual(http09["message"],
                         "there is no status line (an HTTP/0.9 response, or not HTTP at all)")

    def test_caret_under_the_status_code(self):
        _, out, _ = run("check", example("bad-status-code.http"))
        f = findings(out)[0]
        self.assertEqual(f["rule"], "status.code-3digit")
        self.assertEqual(f["excerpt"], "HTTP/1.1 2000 OK\\r\\n")
        self.assertEqual(f["caret"], " " * 9 + "^~~~")
        self.assertIn("response 1: HTTP/1.1 2000 OK (not parsed) [reject]", out)

    def test_caret_under_a_bare_lf_at_the_line_end(self):
        _, out, _ = run("check", example("bad-bare-lf.http"))
        f = findings(out)[0]
        self.assertEqual(f["rule"], "status.line-ending")
        self.assertEqual(f["excerpt"], "HTTP/1.1 200 OK\\n")
        self.assertEqual(caret_column(f), f["excerpt"].index("\\n"))
        self.assertEqual(f["caret"].strip(), "^~")

    def test_caret_at_a_position_past_the_end(self):
        data = b"HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n" \
               b"Content-Length: 10\r\n\r\nabc"
        _, out, _ = run("check", "-", stdin=data)
        f = [f for f in findings(out) if f["rule"] == "framing.cl-incorrect"][0]
        self.assertEqual(int(f["offset"]), len(data))
        self.assertEqual(f["excerpt"], "abc")
        self.assertEqual(f["caret"], "   ^")

    def test_caret_after_an_incomplete_header_section(self):
        data = b"HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
        status, out, _ = run("check", "-", stdin=data)
        self.assertEqual(status, 1)
        f = findings(out)[0]
        self.assertEqual(f["rule"], "message.incomplete")
        self.assertEqual(f["excerpt"], "Date: Mon, 01 Jan 2024 00:00:00 GMT\\r\\n")
        self.assertEqual(caret_column(f), len(f["excerpt"]))

    def test_headlines_cut_between_escapes_and_show_a_lone_line_ending(self):
        data = (b"HTTP/1.1 200 " + b"R" * 83 + b"\xe9\xe9\xe9\r\nContent-Length: 0\r\n\r\n"
                b"\r\n")
        _, out, _ = run("check", "-q", "-", stdin=data)
        heads = [line for line in out.splitlines() if ": response " in line]
        self.assertEqual(heads[0], "-:0: response 1: HTTP/1.1 200 " + "R" * 83 + "... [warn]")
        self.assertEqual(heads[1], "-:122: response 2: \\r\\n (not parsed) [reject]")

    def test_long_line_is_cut_around_the_caret_and_control_bytes_are_visible(self):
        data = (b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 300 + b"\x01" + b"b" * 300 +
                b"\r\nContent-Length: 0\r\n\r\n")
        _, out, _ = run("check", "-", stdin=data)
        f = [f for f in findings(out) if f["rule"] == "field.value-ctl"][0]
        self.assertEqual(int(f["offset"]), data.index(b"\x01"))
        self.assertTrue(f["excerpt"].startswith("...") and f["excerpt"].endswith("..."))
        self.assertLessEqual(len(f["excerpt"]), 110)
        col = caret_column(f)
        self.assertEqual(f["excerpt"][col:col + 4], "\\x01")
        self.assertEqual(f["caret"][col:], "^~~~")
        self.assertNotIn("\x01", out)

    def test_caret_under_an_obs_fold(self):
        _, out, _ = run("check", example("bad-obs-fold.http"))
        f = findings(out)[0]
        self.assertEqual(f["rule"], "field.obs-fold")
        data = open(example("bad-obs-fold.http"), "rb").read()
        self.assertEqual(data[int(f["offset"])], ord(" "))

    def test_no_colour_when_piped_and_colour_when_asked(self):
        _, plain, _ = run("check", example("bad-te-and-cl.http"))
        self.assertNotIn("\x1b[", plain)
        _, coloured, _ = run("check", "--color=always", example("bad-te-and-cl.http"))
        self.assertIn("\x1b[", coloured)
        self.assertEqual(re.sub(r"\x1b\[[0-9;]*m", "", coloured), plain)
        _, never, _ = run("check", "--color", "never", example("bad-te-and-cl.http"))
        self.assertEqual(never, plain)

    def test_colour_on_a_terminal_unless_no_color(self):
        for env, expect in (({}, True), ({"NO_COLOR": "1"}, False)):
            out, _ = run_on_terminal(["check", example("bad-401-no-challenge.http")],
                                     stdout_tty=True, env=env)
            self.assertEqual("\x1b[" in out, expect, env)

    def test_quiet_hides_fields(self):
        _, out, _ = run("check", "-q", example("200-page.http"))
        self.assertNotIn("Content-Length: 1644", out)
        self.assertIn("response 1: HTTP/1.1 200 OK [accept]", out)


class CheckExitStatus(unittest.TestCase):
    def test_fail_on(self):
        warning_only = example("bad-401-no-challenge.http")  # a warning and an info
        info_only = example("103-early-hints-then-200.http")
        self.assertEqual(run("check", warning_only)[0], 0)
        self.assertEqual(run("check", "--fail-on", "warning", warning_only)[0], 1)
        self.assertEqual(run("check", "--fail-on=info", info_only)[0], 1)
        self.assertEqual(run("check", "--fail-on", "warning", info_only)[0], 0)
        self.assertEqual(run("check", example("bad-te-and-cl.http"))[0], 1)
        self.assertEqual(run("check", example("200-page.http"))[0], 0)

    def test_missing_file_is_2(self):
        status, out, _ = run("check", example("200-page.http"), "/nonexistent/capture.http")
        self.assertEqual(status, 2)
        self.assertIn("/nonexistent/capture.http: error: cannot read: No such file", out)
        self.assertIn("; 1 unreadable", out)
        status, out, err = run("check", "--format", "json", "/nonexistent/x")
        self.assertEqual(status, 2)
        self.assertIn("No such file", err)
        line = json_lines(out)[0]
        self.assertEqual(line["error"]["code"], "io")
        self.assertFalse(line["parsed"])

    def test_usage_errors_are_2(self):
        for args in (["check", "--bogus"], ["check", "--method", "FETCH", example("200-page.http")],
                     ["check", "--format", "xml"], ["check", "--allow", "everything",
                                                    example("200-page.http")],
                     ["check", "--explain", "no.such-rule"], ["nosuchcommand"],
                     ["probe"], ["codes", "--class", "6xx"], ["codes", "--class", "1xx", "200"],
                     ["check", "--upstream-interim", "1", "-"]):
            status, _, err = run(*args)
            self.assertEqual(status, 2, args)
            self.assertTrue(err.strip(), args)

    def test_help_is_0(self):
        status, out, _ = run("check", "--help")
        self.assertEqual(status, 0)
        self.assertIn("--fail-on", out)


class CheckInputs(unittest.TestCase):
    def test_stdin_dash_and_default(self):
        data = open(example("keep-alive-pipeline.http"), "rb").read()
        for args in (["check", "-"], ["check"]):
            status, out, _ = run(*args, stdin=data)
            self.assertEqual(status, 0)
            self.assertIn("-:168: response 2: HTTP/1.1 204 No Content [accept]", out)
            self.assertIn("3 responses in 1 file:", out)

    def test_pipes_by_name_are_read(self):
        # /dev/stdin and a named pipe (what `<(...)` gives) are read like standard input.
        data = open(example("200-page.http"), "rb").read()
        status, out, _ = run("check", "-q", "/dev/stdin", stdin=data)
        self.assertEqual(status, 0, out)
        self.assertIn("1 response in 1 file:", out)
        with tempfile.TemporaryDirectory() as d:
            fifo = os.path.join(d, "capture")
            os.mkfifo(fifo)
            writer = threading.Thread(target=lambda: open(fifo, "wb").write(data))
            writer.start()
            status, out, _ = run("check", "-q", fifo)
            writer.join()
            self.assertEqual(status, 0, out)
            self.assertIn("1 response in 1 file:", out)

    def test_an_empty_input_is_not_a_pass(self):
        status, out, _ = run("check", "-", stdin=b"")
        self.assertEqual(status, 2)
        self.assertIn("no bytes (an empty input has no response to check)", out)

    def test_directories_are_walked_recursively(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "a", "b"))
            shutil.copy(example("200-page.http"), os.path.join(d, "a", "b", "one.http"))
            shutil.copy(example("bad-te-and-cl.http"), os.path.join(d, "two.http"))
            shutil.copy(example("bad-te-and-cl.http"), os.path.join(d, ".hidden.http"))
            with open(os.path.join(d, "README.md"), "w") as f:
                f.write("notes, not a capture\n")
            status, out, _ = run("check", "--format", "json", d)
            self.assertEqual(status, 1)
            files = [line["file"] for line in json_lines(out)]
            self.assertEqual(files, [os.path.join(d, "a", "b", "one.http"),
                                     os.path.join(d, "two.http")])
        _, out, _ = run("check", "-q", EXAMPLES)
        count = len([n for n in os.listdir(EXAMPLES) if n.endswith(".http")])
        self.assertIn(f"in {count} files:", out)

    def test_a_stream_of_several_responses(self):
        status, out, _ = run("check", "--format", "json",
                             example("keep-alive-pipeline.http"))
        self.assertEqual(status, 0)
        lines = json_lines(out)
        self.assertEqual([line["index"] for line in lines], [0, 1, 2])
        self.assertEqual([line["offset"] for line in lines], [0, 168, 232])
        self.assertEqual([line["status"] for line in lines], [200, 204, 200])
        self.assertEqual([line["framing"]["kind"] for line in lines],
                         ["content-length", "none", "chunked"])
        self.assertEqual(lines[0]["framing"]["length"], 6)
        self.assertIsNone(lines[2]["framing"]["length"])

    def test_interim_responses_come_before_the_final_one(self):
        _, out, _ = run("check", "--format", "json", example("100-continue-then-201.http"))
        lines = json_lines(out)
        self.assertEqual([line["status"] for line in lines], [100, 201])
        self.assertTrue(lines[0]["framing"]["interim"])

    def test_method_head_makes_the_body_a_stray(self):
        _, out, _ = run("check", "--method", "HEAD", "--format", "json",
                        example("200-page.http"))
        lines = json_lines(out)
        self.assertEqual(lines[0]["framing"]["kind"], "none")
        self.assertEqual(lines[0]["method"], "HEAD")
        self.assertIn("body.head", [f["rule"] for f in lines[1]["findings"]])
        # The file name after --method is a file, not a second method.
        status, out, _ = run("check", "--method", "HEAD", example("304-not-modified.http"))
        self.assertEqual(status, 0)
        self.assertIn("response 1 to HEAD: HTTP/1.1 304 Not Modified", out)

    def test_methods_apply_in_order_and_the_last_repeats(self):
        pipeline = example("keep-alive-pipeline.http")
        _, out, _ = run("check", "--format", "json", "--method", "GET,GET", "--method", "HEAD",
                        pipeline)
        lines = json_lines(out)
        self.assertEqual([line["method"] for line in lines[:3]], ["GET", "GET", "HEAD"])
        self.assertEqual(lines[2]["framing"]["kind"], "none")
        _, out, _ = run("check", "--format", "json", "--method", "GET", pipeline)
        self.assertEqual([line["method"] for line in json_lines(out)], ["GET"] * 3)
        # Interim responses do not use up a method.
        _, out, _ = run("check", "--format", "json", "--method", "POST,HEAD",
                        example("100-continue-then-201.http"))
        self.assertEqual([line["method"] for line in json_lines(out)], ["POST", "POST"])

    def test_exact_requests_make_bytes_after_the_last_response_extra_data(self):
        pipeline = example("keep-alive-pipeline.http")
        _, out, _ = run("check", "--format", "json", "--exact-requests", "--method", "GET,GET",
                        pipeline)
        lines = json_lines(out)
        self.assertEqual([line["status"] for line in lines[:2]], [200, 204])
        # The third response answers no request sent: catalog C19, from its first byte on.
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines[2]["offset"], 232)
        self.assertIn("framing.extra-data", [f["rule"] for f in lines[2]["findings"]])
        self.assertEqual(lines[2]["verdict"], "reject")
        # Without --method, the one GET (or --request's request) is all that was sent.
        _, out, _ = run("check", "--format", "json", "--exact-requests", pipeline)
        lines = json_lines(out)
        self.assertEqual(len(lines), 2)
        self.assertEqual(lines[1]["offset"], 168)
        self.assertIn("framing.extra-data", [f["rule"] for f in lines[1]["findings"]])
        # Interim responses answer no request of their own.
        status, out, _ = run("check", "--format", "json", "--exact-requests", "--method", "POST",
                             example("100-continue-then-201.http"))
        self.assertEqual([line["status"] for line in json_lines(out)], [100, 201])
        self.assertNotIn("framing.extra-data", out)

    def test_request_and_reference_judge_the_rules_that_need_them(self):
        with tempfile.TemporaryDirectory() as d:
            def write(name, data):
                path = os.path.join(d, name)
                with open(path, "wb") as f:
                    f.write(data)
                return path
            request = write("request", b'GET / HTTP/1.1\r\nHost: a\r\nIf-None-Match: "v1"\r\n\r\n')
            # Chunked: the reference's length is its de-chunked content.
            stored = write("stored", b'HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n'
                           b'ETag: "v1"\r\nContent-Type: text/plain\r\n'
                           b'Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n')
            fresh = write("fresh", b'HTTP/1.1 304 Not Modified\r\nDate: Mon, 01 Jan 2024 '
                          b'00:00:00 GMT\r\nETag: "v2"\r\nContent-Length: 3\r\n\r\n')

            def rules(*args):
                status, out, err = run("check", "--format", "json", *args)
                self.assertIn(status, (0, 1), err)
                return [f["rule"] for line in json_lines(out) for f in line["findings"]]

            # The 304 alone: E07 and E08 need the request and the stored response.
            self.assertNotIn("304.freshen-match", rules(fresh))
            self.assertNotIn("304.content-length-value", rules(fresh))
            with_context = rules("--request", request, "--reference", stored, fresh)
            self.assertIn("304.freshen-match", with_context)
            self.assertNotIn("304.unsolicited", with_context)
            self.assertNotIn("304.content-length-value", with_context)  # 3, as de-chunked
            plain = write("plain", b"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
            self.assertIn("304.unsolicited", rules("--request", plain, fresh))
            # A proxy's own output: its full 200 to the matching condition, the 100 it dropped.
            proxied = rules("--request", request, "--proxy-output", "--upstream-interim", "1",
                            stored)
            self.assertIn("304.forwarding", proxied)
            self.assertIn("1xx.proxy-forward", proxied)
            self.assertNotIn("1xx.proxy-forward", rules("--proxy-output", stored))
            self.assertNotIn("304.forwarding", rules("--request", request, stored))
            # The text output shows the request.
            _, out, _ = run("check", "--request", request, fresh)
            self.assertIn('> If-None-Match: "v1"', out)
            # Usage errors: a request that is not one, a reference that is not a response, a
            # --method that contradicts the request.
            for args in (["--request", stored], ["--reference", request],
                         ["--reference", os.path.join(d, "missing")],
                         ["--request", request, "--method", "HEAD"],
                         ["--upstream-interim", "256"]):
                status, _, err = run("check", *args, fresh)
                self.assertEqual(status, 2, args)
                self.assertTrue(err.strip(), args)

    def test_lenient_policy_turns_errors_into_warnings(self):
        self.assertEqual(run("check", example("bad-bare-lf.http"))[0], 1)
        status, out, _ = run("check", "--policy", "lenient", example("bad-bare-lf.http"))
        self.assertEqual(status, 0)
        self.assertIn("[warn]", out)
        status, _, _ = run("check", "--allow", "bare-lf", example("bad-bare-lf.http"))
        self.assertEqual(status, 0)

    def test_dialect_w3c1992(self):
        samples = [example(n) for n in ("w3c1992-201-created.http", "w3c1992-302-uri.http",
                                        "w3c1992-303-method.http")]
        _, modern, _ = run("check", "--format", "json", *samples)
        _, old, _ = run("check", "--format", "json", "--dialect", "w3c1992", *samples)
        modern_rules = {f["rule"] for line in json_lines(modern) for f in line["findings"]}
        old_rules = {f["rule"] for line in json_lines(old) for f in line["findings"]}
        self.assertIn("date.required", modern_rules)
        self.assertIn("3xx.location", modern_rules)
        self.assertNotIn("date.required", old_rules)
        self.assertNotIn("3xx.location", old_rules)
        self.assertEqual([line["verdict"] for line in json_lines(old)], ["accept"] * 3)

    def test_findings_counted_but_not_kept_still_decide(self):
        # Ten Content-Length lines (nine repeats), then an empty one: of the ten problems the
        # framing field's reading keeps 8, the error among them, and counts two (the differential
        # fuzz target found the error lost to the repeats).
        data = (b"HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\n" +
                b"Content-Length: 0\r\n" * 10 + b"Content-Length:\r\n\r\n")
        status, out, _ = run("check", "-", stdin=data)
        self.assertEqual(status, 1)
        self.assertIn("framing.cl-syntax", [f["rule"] for f in findings(out)])
        self.assertIn("    (2 more findings counted but not shown: a message keeps the detail "
                      "of 48)", out)
        self.assertRegex(out, r"0 accepted, 0 warned, 1 rejected \(1 error, 9 warnings, "
                              r"\d+ info\)\n$")
        _, out, _ = run("check", "--format", "json", "-", stdin=data)
        line = json_lines(out)[0]
        self.assertEqual(line["verdict"], "reject")
        self.assertEqual(line["findings_dropped"], 2)
        self.assertEqual(sum(f["rule"] == "framing.cl-duplicate-same" for f in line["findings"]),
                         7)

    def test_first_error_past_the_list_is_shown(self):
        # Fifty-five lines ended by a bare LF (a warning each with the leniency), then two
        # Content-Length values: the framing decision's error comes after the list is full. It
        # is only counted, but kept aside, so the reason for the reject is shown.
        data = (b"HTTP/1.1 200 OK\r\n" + b"X-A: a\n" * 55 +
                b"Content-Length: 1\r\nContent-Length: 2\r\n\r\nx")
        status, out, _ = run("check", "--allow", "bare-lf", "-", stdin=data)
        self.assertEqual(status, 1)
        self.assertNotIn("framing.cl-conflict", [f["rule"] for f in findings(out)][:-1])
        self.assertRegex(out, r"counted but not shown: a message keeps the detail of 48\)\n"
                              r"    the first error among them:\n"
                              r"-:\d+: error: [^\n]*\[framing\.cl-conflict, [^\n]*\]\n")
        _, out, _ = run("check", "--allow", "bare-lf", "--format", "json", "-", stdin=data)
        line = json_lines(out)[0]
        self.assertEqual(line["verdict"], "reject")
        self.assertNotIn("framing.cl-conflict", [f["rule"] for f in line["findings"]])
        self.assertEqual(line["first_dropped_error"]["rule"], "framing.cl-conflict")
        self.assertEqual(line["first_dropped_error"]["severity"], "error")
        # With the error stored, there is nothing aside to show.
        _, out, _ = run("check", "--format", "json", example("bad-conflicting-cl.http"))
        self.assertIsNone(json_lines(out)[0]["first_dropped_error"])

    def test_validation_errors_only(self):
        # The same errors and reject verdicts as every rule; the validator's warnings and infos
        # are not looked for (the tokenizer's and the framing's still are).
        samples = sorted(os.path.join(EXAMPLES, n) for n in os.listdir(EXAMPLES))
        _, every, _ = run("check", "--format", "json", *samples)
        _, errors, _ = run("check", "--format", "json", "--validation", "errors-only", *samples)
        every, errors = json_lines(every), json_lines(errors)
        self.assertEqual(len(every), len(errors))

        def errors_of(line):
            return [(f["rule"], f["offset"]) for f in line["findings"]
                    if f["severity"] == "error"]
        for a, b in zip(every, errors):
            self.assertEqual(errors_of(a), errors_of(b), a.get("file"))
            self.assertEqual(a["verdict"] == "reject", b["verdict"] == "reject", a.get("file"))
        every_rules = {f["rule"] for line in every for f in line["findings"]}
        errors_rules = {f["rule"] for line in errors for f in line["findings"]}
        self.assertIn("date.required", every_rules)  # a validator warning ...
        self.assertNotIn("date.required", errors_rules)  # ... not looked for
        self.assertTrue(any(errors_of(line) for line in errors))  # some errors to compare
        self.assertEqual(run("check", "--validation", "some", example("200-page.http"))[0], 2)


VERDICTS = {"accept", "warn", "reject"}
SEVERITIES = {"error", "warning", "info"}
KINDS = {"none", "content-length", "chunked", "close", "tunnel"}
# Every key of a JSON line, in order: in every line, whatever happened (README).
JSON_KEYS = ["file", "index", "offset", "request", "method", "parsed", "version", "status",
             "reason", "headers", "framing", "size", "error", "findings", "findings_dropped",
             "first_dropped_error", "verdict", "llhttp"]


class CheckJson(unittest.TestCase):
    def check_line(self, line):
        """Every key the issue promises, with its type."""
        for key in ("file", "index", "offset", "parsed", "version", "status", "reason",
                    "headers", "findings", "verdict", "framing"):
            self.assertIn(key, line)
        self.assertIsInstance(line["file"], str)
        self.assertIsInstance(line["index"], int)
        self.assertIsInstance(line["offset"], int)
        self.assertIsInstance(line["parsed"], bool)
        self.assertIn(line["verdict"], VERDICTS)
        if line["parsed"]:
            self.assertRegex(line["version"], r"^HTTP/\d\.\d$")
            self.assertIsInstance(line["status"], int)
            self.assertIsInstance(line["reason"], str)
            self.assertIsInstance(line["headers"], list)
            for pair in line["headers"]:
                self.assertIsInstance(pair, list)
                self.assertEqual(len(pair), 2)
                self.assertTrue(all(isinstance(x, str) for x in pair))
            self.assertIn(line["framing"]["kind"], KINDS)
            length = line["framing"]["length"]
            if line["framing"]["kind"] == "content-length":
                self.assertIsInstance(length, int)
            else:
                self.assertIsNone(length)
        else:
            self.assertIn("error", line)
            self.assertIsNone(line["headers"])
            self.assertIsNone(line["framing"])
            for key, kind in (("code", str), ("offset", int), ("message", str)):
                self.assertIsInstance(line["error"][key], kind)
            self.assertEqual(line["verdict"], "reject")
            self.assertIn(line["error"]["code"], [f["rule"] for f in line["findings"]])
        for f in line["findings"]:
            self.assertIsInstance(f["rule"], str)
            self.assertIn(f["severity"], SEVERITIES)
            self.assertIsInstance(f["offset"], int)
            self.assertIsInstance(f["message"], str)
            self.assertIsInstance(f["ref"], str)
            self.assertEqual(f["file_offset"], line["offset"] + f["offset"])
        worst = {f["severity"] for f in line["findings"]}
        expected = "reject" if "error" in worst else "warn" if "warning" in worst else "accept"
        self.assertEqual(line["verdict"], expected)

    def test_every_line_of_the_corpus_keeps_the_contract(self):
        _, out, _ = run("check", "--format", "json", EXAMPLES)
        lines = json_lines(out)
        self.assertGreater(len(lines), 20)
        for line in lines:
            with self.subTest(file=line["file"], index=line["index"]):
                self.check_line(line)
        self.assertTrue(any(not line["parsed"] for line in lines))

    def test_every_line_has_every_key(self):
        # Responses parsed or not, an unreadable file, an empty one, with and without llhttp.
        with tempfile.NamedTemporaryFile(suffix=".http") as empty:
            for extra in ([], ["--compare", "llhttp"]):
                _, out, _ = run("check", "--format", "json", *extra, EXAMPLES, "/nonexistent.http",
                                empty.name)
                lines = json_lines(out)
                for line in lines:
                    self.assertEqual(list(line.keys()), JSON_KEYS, line["file"])
                self.assertEqual(lines[-1]["error"]["message"],
                                 "no bytes (an empty input has no response to check)")
                self.assertEqual(lines[-2]["error"]["code"], "io")
                self.assertEqual(lines[-2]["findings"], [])
                self.assertEqual(lines[0]["llhttp"] is None, not extra)
                self.assertIsNone(lines[0]["request"])
                self.assertIsNone(lines[0]["error"])

    def test_values_of_one_response(self):
        _, out, _ = run("check", "--format", "json", example("bad-te-and-cl.http"))
        (line,) = json_lines(out)
        self.assertEqual(line["version"], "HTTP/1.1")
        self.assertEqual(line["status"], 200)
        self.assertEqual(line["reason"], "OK")
        self.assertIn(["Transfer-Encoding", "chunked"], line["headers"])
        self.assertEqual(line["verdict"], "reject")
        f = [f for f in line["findings"] if f["rule"] == "framing.te-and-cl"][0]
        self.assertEqual(f["severity"], "error")
        self.assertIn("RFC 9112", f["ref"])

    def test_an_unparsed_response_has_an_error(self):
        _, out, _ = run("check", "--format", "json", example("bad-status-code.http"))
        (line,) = json_lines(out)
        self.assertFalse(line["parsed"])
        self.assertEqual(line["error"]["code"], "status.code-3digit")
        self.assertEqual(line["error"]["offset"], 9)

    def test_obs_text_stays_valid_json(self):
        data = b"HTTP/1.1 200 OK\r\nX-Name: caf\xe9\r\nContent-Length: 0\r\n\r\n"
        _, out, _ = run("check", "--format", "json", "-", stdin=data)
        (line,) = json_lines(out)
        self.assertEqual(line["headers"][0], ["X-Name", "caf\ufffd"])


class CheckSarif(unittest.TestCase):
    def test_structure(self):
        status, out, _ = run("check", "--format", "sarif", EXAMPLES)
        self.assertEqual(status, 1)
        log = json.loads(out)
        self.assertEqual(log["version"], "2.1.0")
        self.assertIn("sarif", log["$schema"])
        run0 = log["runs"][0]
        driver = run0["tool"]["driver"]
        self.assertEqual(driver["name"], "h1resp")
        rules = driver["rules"]
        ids = [r["id"] for r in rules]
        self.assertEqual(len(ids), len(set(ids)))
        for r in rules:
            self.assertTrue(r["shortDescription"]["text"])
        results = run0["results"]
        self.assertGreater(len(results), 10)
        for res in results:
            self.assertIn(res["ruleId"], ids)
            self.assertEqual(rules[res["ruleIndex"]]["id"], res["ruleId"])
            self.assertIn(res["level"], {"error", "warning", "note"})
            self.assertTrue(res["message"]["text"])
            loc = res["locations"][0]["physicalLocation"]
            self.assertTrue(loc["artifactLocation"]["uri"].startswith(EXAMPLES))
            self.assertIsInstance(loc["region"]["byteOffset"], int)
            self.assertGreaterEqual(loc["region"]["byteLength"], 0)
        self.assertTrue(run0["invocations"][0]["executionSuccessful"])
        # The same findings as JSON Lines, at the same file offsets.
        _, jl, _ = run("check", "--format", "json", EXAMPLES)
        expected = sorted((f["rule"], line["file"], f["file_offset"])
                          for line in json_lines(jl) for f in line["findings"])
        got = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                      r["locations"][0]["physicalLocation"]["region"]["byteOffset"])
                     for r in results)
        self.assertEqual(got, expected)

    def test_no_findings_and_an_unreadable_file(self):
        status, out, _ = run("check", "--format", "sarif", example("200-page.http"), "/nonexistent")
        self.assertEqual(status, 2)
        run0 = json.loads(out)["runs"][0]
        self.assertEqual(run0["results"], [])
        self.assertFalse(run0["invocations"][0]["executionSuccessful"])
        self.assertEqual(len(run0["invocations"][0]["toolExecutionNotifications"]), 1)


class SarifUrisAndDisagreements(unittest.TestCase):
    def test_file_names_become_uri_references_and_disagreements_are_noted(self):
        with tempfile.TemporaryDirectory() as d:
            name = os.path.join(d, 'we"ird name%.http')
            shutil.copy(example("bad-obs-fold.http"), name)
            _, out, _ = run("check", "--format", "sarif", "--compare", "llhttp", name)
        run_ = json.loads(out)["runs"][0]
        uri = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        self.assertEqual(uri, d + "/we%22ird%20name%25.http")
        notes = run_["invocations"][0]["toolExecutionNotifications"]
        self.assertEqual([n["message"]["text"] for n in notes],
                         ["1 disagreement with llhttp (--compare) is not among the SARIF results: "
                          "--format text or json lists them"])


class Explain(unittest.TestCase):
    def test_explain_by_id_and_by_catalog_entry(self):
        status, out, _ = run("check", "--explain", "status.code-3digit")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("status.code-3digit (A05)"))
        for part in ("the status code is not three digits", "source:   RFC 9112 §4",
                     "violating:  HTTP/1.1 2000 OK\\r\\n", "conforming: "):
            self.assertIn(part, out)
        self.assertEqual(run("check", "--explain", "A05")[1], out)

    def test_explain_shows_the_request_and_reference_when_needed(self):
        status, out, _ = run("check", "--explain", "content-length.head-value")
        self.assertEqual(status, 0)
        self.assertIn("request:    HEAD / HTTP/1.1", out)
        self.assertIn("reference:  HTTP/1.1 200 OK", out)
        _, out, _ = run("check", "--explain", "E08")
        self.assertIn("stored:     HTTP/1.1 200 OK", out)
        _, out, _ = run("check", "--explain", "1xx.proxy-forward")
        self.assertIn("upstream:   1 1xx response(s) received", out)


class Compare(unittest.TestCase):
    def test_compare_llhttp(self):
        status, out, _ = run("check", "--compare", "llhttp", example("bad-obs-fold.http"))
        self.assertEqual(status, 1)
        self.assertIn("llhttp: llhttp accepts what h1resp rejects (field.obs-fold) "
                      "[documented: llhttp-unfolds-obs-fold]", out)
        self.assertIn("1 disagreement with llhttp", out)
        _, out, _ = run("check", "--compare", "llhttp", "--format", "json",
                        example("bad-304-with-body.http"))
        lines = json_lines(out)
        self.assertEqual(lines[0]["llhttp"][0]["kind"], "framing")
        self.assertEqual(lines[0]["llhttp"][0]["divergence"], "llhttp-reads-body-of-304")
        self.assertEqual(lines[1]["llhttp"], [])
        _, out, _ = run("check", "--compare", "llhttp", example("200-page.http"))
        self.assertNotIn("llhttp:", out)

    def test_compare_llhttp_strict(self):
        # Chunk data not followed by CRLF: llhttp as Node.js builds it reads on, its strict
        # build refuses it as h1resp does.
        data = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\naXY0\r\n\r\n"
        _, out, _ = run("check", "-q", "--compare", "llhttp", stdin=data)
        self.assertIn("[documented: llhttp-does-not-check-crlf-after-chunk-data]", out)
        _, out, _ = run("check", "-q", "--compare", "llhttp-strict", stdin=data)
        self.assertNotIn("llhttp:", out)
        self.assertNotIn("disagreement", out)


class Codes(unittest.TestCase):
    def test_one_code(self):
        status, out, _ = run("codes", "308")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("308 Permanent Redirect"))
        self.assertIn("registered", out)
        self.assertIn("class: 3xx", out)
        self.assertIn("source: RFC 9110", out)
        self.assertIn("Resume Incomplete", out)

    def test_the_1992_meaning(self):
        _, out, _ = run("codes", "303")
        self.assertIn("1992:", out)

    def test_a_code_is_decimal_digits(self):
        # Not C's base prefixes: "010" is ten, not eight; "0x1f6" is not 502.
        status, out, _ = run("codes", "010")
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("10: invalid"), out)
        for text in ("0x1f6", "1000", "-5", "3o8"):
            status, _, err = run("codes", text)
            self.assertEqual(status, 2, text)
            self.assertIn("decimal digits", err)

    def test_a_class(self):
        status, out, _ = run("codes", "--class", "5xx")
        self.assertEqual(status, 0)
        lines = out.strip().split("\n")
        self.assertGreater(len(lines), 5)
        self.assertTrue(all(line.startswith("5") for line in lines))
        self.assertTrue(any(line.startswith("503 Service Unavailable") for line in lines))

    def test_a_listing_names_unregistered_codes_by_their_unofficial_name(self):
        _, out, _ = run("codes", "--class", "1xx")
        self.assertRegex(out, r'110 "Response is Stale" +unregistered')

    def test_unregistered_and_invalid_codes(self):
        self.assertIn("unregistered", run("codes", "299")[1] + run("codes", "277")[1])
        status, out, _ = run("codes", "999")
        self.assertEqual(status, 0)
        self.assertIn("999", out)


class Version(unittest.TestCase):
    def test_version_names_the_kernel(self):
        status, out, _ = run("--version")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^h1resp \d+\.\d+\.\d+\n")
        self.assertRegex(out, r"kernel: (scalar|sse42|avx2|avx512)")
        _, forced, _ = run("--version", env={"H1RESP_KERNEL": "scalar"})
        self.assertIn("kernel: scalar", forced)


def run_on_terminal(args, stdout_tty=False, env=None, timeout=60):
    """Runs the binary with stderr (and stdout when asked) on a pseudo-terminal. Returns
    (stdout text, terminal text)."""
    master, slave = pty.openpty()
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env["TERM"] = "xterm"
    full_env.update(env or {})
    out_file = tempfile.TemporaryFile()
    p = subprocess.Popen([BIN, *args], stdin=subprocess.DEVNULL,
                         stdout=slave if stdout_tty else out_file, stderr=slave, env=full_env)
    os.close(slave)
    chunks = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif p.poll() is not None:
            break
    p.wait(timeout=10)
    os.close(master)
    out_file.seek(0)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    if stdout_tty:
        return terminal, terminal
    return out_file.read().decode("utf-8", "replace"), terminal


class ProgressLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        unit = open(example("keep-alive-pipeline.http"), "rb").read()
        self.capture = os.path.join(self.dir.name, "big.http")
        with open(self.capture, "wb") as f:
            f.write(unit * 20000)  # 60,000 responses, about 6 MB

    def tearDown(self):
        self.dir.cleanup()

    def test_progress_on_a_terminal_then_erased(self):
        out, terminal = run_on_terminal(["check", "-q", self.capture],
                                        env={"H1RESP_PROGRESS_DELAY_MS": "0"})
        self.assertIn("h1resp: " + self.capture, terminal)
        self.assertRegex(terminal, r"MB \(\d+%\), \d+ responses, \d+ MB/s")
        self.assertTrue(terminal.endswith("\r\x1b[K"), repr(terminal[-40:]))
        self.assertIn("60000 responses in 1 file", out)

    def test_no_progress_within_the_first_second_or_off_a_terminal(self):
        _, terminal = run_on_terminal(["check", "-q", example("200-page.http")])
        self.assertEqual(terminal, "")
        status, _, err = run("check", "-q", self.capture, env={"H1RESP_PROGRESS_DELAY_MS": "0"})
        self.assertEqual(status, 0)
        self.assertEqual(err, "")


class ProbeBadServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = BadServer()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def probe(self, path, *extra):
        status, out, err = run("probe", "--format", "json", "--timeout", "5", *extra,
                               self.server.url(path))
        return status, json_lines(out), err

    @staticmethod
    def rules(lines):
        return [f["rule"] for line in lines for f in line["findings"]]

    def test_401_without_www_authenticate(self):
        status, lines, _ = self.probe("/401")
        self.assertEqual(status, 0)  # a warning: under the default --fail-on error
        self.assertIn("401.www-authenticate", self.rules(lines[:1]))
        self.assertEqual([line["method"] for line in lines], ["GET", "HEAD"])
        status, _, _ = self.probe("/401", "--fail-on", "warning")
        self.assertEqual(status, 1)

    def test_304_with_content_type(self):
        status, lines, _ = self.probe("/304-content-type")
        self.assertEqual([line["status"] for line in lines], [200, 200, 304])
        self.assertIn("If-None-Match: \"v1\"", lines[2]["request"])
        self.assertIn("If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT", lines[2]["request"])
        self.assertIn("304.representation-metadata", self.rules(lines[2:]))
        self.assertNotIn("304.unsolicited", self.rules(lines[2:]))
        self.assertEqual(self.rules(lines[:2]), [])

    def test_304_with_a_body(self):
        status, lines, _ = self.probe("/304-with-body")
        self.assertEqual(status, 1)
        self.assertIn("304.no-body", self.rules(lines[2:]))

    def test_head_with_another_content_length(self):
        _, lines, _ = self.probe("/head-length")
        head = [line for line in lines if line["method"] == "HEAD"][0]
        self.assertIn("content-length.head-value", [f["rule"] for f in head["findings"]])

    def test_head_with_another_status(self):
        _, lines, _ = self.probe("/head-status")
        head = [line for line in lines if line["method"] == "HEAD"][0]
        self.assertEqual(head["status"], 404)
        f = [f for f in head["findings"] if f["rule"] == "content-length.head-value"][0]
        self.assertIn("HEAD got 404 Not Found, GET got 200 OK", f["message"])
        self.assertEqual(f["offset"], 9)

    def test_head_with_a_body(self):
        status, lines, _ = self.probe("/head-body")
        self.assertEqual(status, 1)
        self.assertIn("body.head", self.rules(lines))
        # The stray bytes spoilt the connection: the conditional GET still happened.
        self.assertEqual(lines[-1]["status"], 200)

    def test_te_and_cl_then_a_new_connection(self):
        status, lines, _ = self.probe("/te-and-cl")
        self.assertEqual(status, 1)
        self.assertIn("framing.te-and-cl", self.rules(lines[:1]))
        self.assertEqual([line["method"] for line in lines][:2], ["GET", "HEAD"])

    def test_a_server_that_closes_gets_new_connections(self):
        status, out, _ = run("probe", self.server.url("/close"))
        self.assertEqual(status, 0)
        self.assertIn("opening a new connection: the response does not keep the connection", out)
        self.assertIn("3 responses in 3 connections", out)

    def test_an_endless_body_stops_at_max_bytes(self):
        started = time.time()
        status, lines, _ = self.probe("/endless", "--max-bytes", "1000000")
        self.assertLess(time.time() - started, 15)
        self.assertEqual(status, 1)
        get = [line for line in lines if "findings" in line][0]
        self.assertEqual(get["method"], "GET")
        f = [f for f in get["findings"] if f["rule"] == "message.incomplete"][0]
        self.assertIn("stopped reading after", f["message"])
        self.assertIn("--max-bytes", f["message"])

    def test_a_slow_endless_body_stops_at_max_time(self):
        started = time.time()
        status, out, _ = run("probe", "--max-time", "0.5", self.server.url("/drip"))
        self.assertLess(time.time() - started, 10)
        self.assertEqual(status, 1)
        self.assertIn("stopped reading after 500 ms for one request (--max-time)", out)

    def test_a_stalled_body_is_incomplete_not_closed(self):
        # The connection stays open: the response never completed, the server did not close.
        _, out, _ = run("probe", "--format", "json", "--timeout", "0.3", self.server.url("/stall"))
        get = [line for line in json_lines(out) if "findings" in line][0]
        rules = self.rules([get])
        self.assertIn("message.incomplete", rules)
        self.assertNotIn("framing.cl-incorrect", rules)
        f = [f for f in get["findings"] if f["rule"] == "message.incomplete"][0]
        self.assertIn("no byte came for 300 ms", f["message"])

    def test_an_unparsable_response_names_why_and_opens_no_idle_connection(self):
        status, out, _ = run("probe", self.server.url("/unparsable"))
        self.assertEqual(status, 1)
        self.assertIn("opening a new connection: a response could not be parsed", out)
        self.assertIn("no conditional GET: the GET response could not be parsed", out)
        self.assertIn("2 responses in 2 connections", out)

    def test_text_output(self):
        status, out, _ = run("probe", self.server.url("/304-content-type"))
        self.assertEqual(status, 0)
        self.assertIn(f"{self.server.url('/304-content-type')}:0: response 3 to GET: "
                      "HTTP/1.1 304 Not Modified [warn]", out)
        self.assertIn("    > If-None-Match: \"v1\"", out)
        f = [f for f in findings(out) if f["rule"] == "304.representation-metadata"][0]
        self.assertEqual(f["excerpt"], "Content-Type: text/plain\\r\\n")
        self.assertIn("3 responses in 1 connection:", out)

    def test_sarif_output(self):
        status, out, _ = run("probe", "--format", "sarif", self.server.url("/401"))
        self.assertEqual(status, 0)
        results = json.loads(out)["runs"][0]["results"]
        self.assertIn("401.www-authenticate", [r["ruleId"] for r in results])
        self.assertEqual(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                         self.server.url("/401"))


class ProbeErrors(unittest.TestCase):
    def test_https_is_refused_clearly(self):
        status, out, err = run("probe", "https://127.0.0.1/")
        self.assertEqual(status, 2)
        self.assertIn("https is not supported", err)
        self.assertEqual(out, "")

    def test_waits_out_of_range_are_usage_errors(self):
        # Below a millisecond a wait rounds to nothing; past a day a deadline overflows.
        for option, value in (("--timeout", "0"), ("--timeout", "0.0001"), ("--timeout", "1e16"),
                              ("--connect-timeout", "1e10"), ("--max-time", "0"),
                              ("--max-bytes", "0"), ("--settle", "-1")):
            status, _, err = run("probe", option, value, "http://127.0.0.1:9/")
            self.assertEqual(status, 2, (option, value))
            self.assertIn(option, err)

    def test_a_bad_url_is_a_usage_error(self):
        for url in ("127.0.0.1", "http://h:99999/", "http://"):
            self.assertEqual(run("probe", url)[0], 2, url)

    def test_a_closed_port_is_an_io_error(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        status, out, _ = run("probe", f"http://127.0.0.1:{port}/")
        self.assertEqual(status, 2)
        self.assertIn("cannot connect", out)

    def test_a_silent_server_times_out(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            s.listen(4)
            url = f"http://127.0.0.1:{s.getsockname()[1]}/"
            started = time.time()
            status, out, _ = run("probe", "--timeout", "0.5", url)
            self.assertLess(time.time() - started, 10)
            self.assertEqual(status, 2)
            self.assertIn("no byte came for 500 ms", out)
            status, out, _ = run("probe", "--format", "json", "--timeout", "0.5", url)
            self.assertEqual(status, 2)
            (line,) = json_lines(out)
            self.assertEqual(line["error"]["code"], "io")
            self.assertIn("no byte came", line["error"]["message"])


def find_nginx():
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None)


class ProbeNginx(unittest.TestCase):
    """Against a real nginx (Debian nginx-light), started on a free loopback port with a
    configuration written here."""

    @classmethod
    def setUpClass(cls):
        nginx = find_nginx()
        if nginx is None:
            raise unittest.SkipTest("nginx is not installed (apt-get install nginx-light)")
        cls.dir = tempfile.mkdtemp(prefix="h1resp-nginx-")
        os.chmod(cls.dir, 0o755)
        os.makedirs(os.path.join(cls.dir, "html"))
        with open(os.path.join(cls.dir, "html", "index.html"), "w") as f:
            f.write("<!doctype html><title>h1resp</title><p>hello from nginx</p>\n")
        cls.proc = None
        for _ in range(5):
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                cls.port = s.getsockname()[1]
            cls.write_config()
            cls.proc = subprocess.Popen(
                [nginx, "-e", os.path.join(cls.dir, "error.log"), "-p", cls.dir, "-c",
                 os.path.join(cls.dir, "nginx.conf"), "-g", "daemon off;"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if cls.wait_for_port():
                return
            cls.stop_nginx()
        raise RuntimeError("nginx did not start: " + open(os.path.join(cls.dir, "error.log")).read())

    @classmethod
    def write_config(cls):
        d = cls.dir
        with open(os.path.join(d, "nginx.conf"), "w") as f:
            f.write(f"""
worker_processes 1;
master_process off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {d}/client_body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  types {{ text/html html; }}
  server {{
    listen 127.0.0.1:{cls.port};
    root {d}/html;
  }}
}}
""")

    @classmethod
    def wait_for_port(cls):
        deadline = time.time() + 10
        while time.time() < deadline:
            if cls.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", cls.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    @classmethod
    def stop_nginx(cls):
        if cls.proc is not None and cls.proc.poll() is None:
            cls.proc.send_signal(signal.SIGQUIT)
            try:
                cls.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                cls.proc.kill()
                cls.proc.wait()
        if cls.proc is not None and cls.proc.stderr is not None:
            cls.proc.stderr.close()

    @classmethod
    def tearDownClass(cls):
        cls.stop_nginx()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def url(self, path="/index.html"):
        return f"http://127.0.0.1:{self.port}{path}"

    def test_get_head_and_304(self):
        status, out, _ = run("probe", "--format", "json", self.url())
        self.assertEqual(status, 0, out)
        lines = json_lines(out)
        self.assertEqual([line["method"] for line in lines], ["GET", "HEAD", "GET"])
        self.assertEqual([line["status"] for line in lines], [200, 200, 304])
        self.assertIn("If-None-Match:", lines[2]["request"])
        for line in lines:
            CheckJson.check_line(self, line)
            self.assertNotEqual(line["verdict"], "reject")
            self.assertTrue(any(h[0] == "Server" and h[1].startswith("nginx") for h in
                                line["headers"]))
        rules = [f["rule"] for line in lines for f in line["findings"]]
        for rule in ("content-length.head-value", "304.required-fields", "304.unsolicited",
                     "304.no-body", "304.content-length-value", "body.head"):
            self.assertNotIn(rule, rules)
        self.assertEqual(lines[0]["framing"]["kind"], "content-length")
        self.assertEqual(lines[1]["framing"]["kind"], "none")

    def test_text_on_one_connection(self):
        status, out, _ = run("probe", self.url())
        self.assertEqual(status, 0, out)
        self.assertIn("response 1 to GET: HTTP/1.1 200 OK", out)
        self.assertIn("response 2 to HEAD: HTTP/1.1 200 OK", out)
        self.assertIn("response 3 to GET: HTTP/1.1 304 Not Modified", out)
        self.assertIn("3 responses in 1 connection:", out)
        self.assertNotIn("opening a new connection", out)

    def test_a_missing_page(self):
        status, out, _ = run("probe", "--format", "json", self.url("/missing"))
        lines = json_lines(out)
        self.assertEqual([line["status"] for line in lines], [404, 404])
        self.assertEqual(status, 0)


class ReadmeTranscripts(unittest.TestCase):
    """Every `$ h1resp check` and `$ h1resp codes` in README.md prints what README says, so the
    transcripts cannot drift from the tool (rule summaries, details, layout). Commands whose
    input files are not in the source tree (README's own made-up files) and --version (the
    kernel depends on the machine) are left out."""

    def transcripts(self):
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            text = f.read()
        for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
            command = None
            output = []
            for line in block.split("\n"):
                if line.startswith("$ "):
                    if command is not None:
                        yield command, "\n".join(output)
                    command, output = line[2:], []
                elif command is not None:
                    output.append(line)
            if command is not None:
                yield command, "\n".join(output)

    def test_each_transcript_is_what_the_tool_prints(self):
        checked = 0
        for command, expected in self.transcripts():
            args = shlex.split(command)
            if args[0] != "h1resp" or len(args) < 2 or args[1] not in ("check", "codes"):
                continue
            inputs = [a for a in args[2:] if not a.startswith("-") and "." in a]
            if not all(os.path.exists(os.path.join(SOURCE, a)) for a in inputs):
                continue
            p = subprocess.run([BIN, *args[1:]], capture_output=True, cwd=SOURCE, timeout=60,
                               env={k: v for k, v in os.environ.items() if k != "NO_COLOR"})
            printed = (p.stdout + p.stderr).decode("utf-8", "replace")
            with self.subTest(command=command):
                self.assertEqual(printed.rstrip("\n"), expected.rstrip("\n"))
            checked += 1
        # README shows a dozen; a parser that found none would pass without checking anything.
        self.assertGreaterEqual(checked, 10)


def all_cases():
    loader = unittest.TestLoader()
    return [f"{cls.__name__}.{method}"
            for cls in (CheckText, CheckExitStatus, CheckInputs, CheckJson, CheckSarif, Explain,
                        Compare, Codes, Version, ProgressLine, ReadmeTranscripts,
                        ProbeBadServer, ProbeErrors, ProbeNginx)
            for method in loader.getTestCaseNames(cls)]


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(all_cases()))
        return 0
    if not os.access(BIN, os.X_OK):
        print(f"no h1resp binary at {BIN} (set H1RESP_BIN)", file=sys.stderr)
        return 1
    suite = unittest.TestLoader().loadTestsFromNames(argv[1:] or all_cases(),
                                                     sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        return 1
    # A class whose setUpClass skips runs no test and records one skip.
    if result.skipped and len(result.skipped) >= result.testsRun:
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
