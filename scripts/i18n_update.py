"""Update the translation sources i18n/drivetime_equity_<lang>.ts from the Python sources (replaces pylupdate5).

Why not pylupdate5: it files module-level ``tr("...")`` calls under the context ``@default`` and the strings of
``AlgorithmBase`` methods under ``AlgorithmBase``, while at run time those are looked up under
``DriveTimeEquity`` (``processing.base.tr`` and the fallback of ``AlgorithmBase.tr``); and it does not decode
escapes such as ``\\u2014``. This script reads the sources with Python's own parser, so every string is exactly the
one translated at run time, under the context used at run time:

* ``self.tr("...")`` in a class: the class name, or ``DriveTimeEquity`` in a class other classes derive from
  (``AlgorithmBase``: the run-time context is then the subclass's name, which falls back to ``DriveTimeEquity``);
* ``tr("...")`` (``processing.base.tr``, ``plugin.plugin.tr``): ``DriveTimeEquity``, or the literal context
  given as second argument;
* ``QCoreApplication.translate("ctx", "...")``, ``QT_TRANSLATE_NOOP("ctx", "...")``: ``ctx``.

Existing translations are kept (matched by context and source, else by source alone); messages no longer in
the sources are dropped. Usage (``make transup``)::

    /usr/bin/python3 -P scripts/i18n_update.py [i18n/drivetime_equity_cy.ts ...]
"""
import ast
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONTEXT = "DriveTimeEquity"
SKIP_DIRS = {".build", ".git", "tests", "bench", "scripts", "demo_output", "__pycache__", ".pytest_cache"}


def source_files(root=ROOT):
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        if rel != "." and rel.split(os.sep)[0] in SKIP_DIRS:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


def _const_str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def base_class_names(trees):
    """Names of classes that other classes of the package derive from."""
    bases = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for b in node.bases:
                    bases.add(b.id if isinstance(b, ast.Name) else getattr(b, "attr", None))
    return bases


class Extractor(ast.NodeVisitor):
    def __init__(self, path, base_classes):
        self.path = path
        self.base_classes = base_classes
        self.classes = []
        self.found = []  # (context, source, line)

    def visit_ClassDef(self, node):  # noqa: N802
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _class_context(self):
        if not self.classes or self.classes[-1] in self.base_classes:
            return DEFAULT_CONTEXT
        return self.classes[-1]

    def visit_Call(self, node):  # noqa: N802
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        args = node.args
        if name == "tr" and args:
            text = _const_str(args[0])
            if text is not None:
                if isinstance(func, ast.Attribute):
                    context = self._class_context()
                else:
                    context = DEFAULT_CONTEXT
                    ctx_node = args[1] if len(args) > 1 else next(
                        (k.value for k in node.keywords if k.arg == "context"), None)
                    if ctx_node is not None and _const_str(ctx_node) is not None:
                        context = _const_str(ctx_node)
                self.found.append((context, text, node.lineno))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
            context, text = _const_str(args[0]), _const_str(args[1])
            if context is not None and text is not None:
                self.found.append((context, text, node.lineno))
        elif name == "QT_TR_NOOP" and args and _const_str(args[0]) is not None:
            self.found.append((self._class_context(), _const_str(args[0]), node.lineno))
        self.generic_visit(node)


def extract(root=ROOT):
    """{context: {source: [(relative path, line), ...]}} in source order."""
    parsed = []
    for path in source_files(root):
        with open(path, encoding="utf-8") as f:
            parsed.append((path, ast.parse(f.read(), path)))
    bases = base_class_names([t for _p, t in parsed])
    messages = {}
    for path, tree in parsed:
        ex = Extractor(path, bases)
        ex.visit(tree)
        rel = os.path.relpath(path, root)
        for context, text, line in ex.found:
            messages.setdefault(context, {}).setdefault(text, []).append((rel, line))
    return messages


def read_ts(path):
    """{(context, source): (translation, finished)} of an existing .ts file."""
    out = {}
    if not os.path.exists(path):
        return out
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        cname = ctx.findtext("name")
        for msg in ctx.findall("message"):
            tr_el = msg.find("translation")
            text = tr_el.text if tr_el is not None else None
            finished = tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete", "vanished")
            if text:
                out[(cname, msg.findtext("source"))] = (text, finished)
    return out


def write_ts(path, messages, old, language):
    by_source = {}
    for (_c, src), value in old.items():
        by_source.setdefault(src, value)
    ts = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    n_done = n_total = 0
    ts_dir = os.path.dirname(os.path.abspath(path))
    for context in sorted(messages):
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = context
        for source, locations in messages[context].items():
            msg = ET.SubElement(ctx, "message")
            for rel, line in locations:
                rel_ts = os.path.relpath(os.path.join(ROOT, rel), ts_dir)
                ET.SubElement(msg, "location", filename=rel_ts.replace(os.sep, "/"), line=str(line))
            ET.SubElement(msg, "source").text = source
            text, finished = old.get((context, source)) or by_source.get(source) or (None, False)
            tr_el = ET.SubElement(msg, "translation")
            n_total += 1
            if text:
                tr_el.text = text
                if not finished:
                    tr_el.set("type", "unfinished")
                else:
                    n_done += 1
            else:
                tr_el.set("type", "unfinished")
    ET.indent(ts, "    ")
    body = ET.tostring(ts, encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    return n_done, n_total


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    targets = argv or [os.path.join(ROOT, "i18n", "drivetime_equity_cy.ts")]
    messages = extract()
    for path in targets:
        lang = os.path.splitext(os.path.basename(path))[0].rsplit("_", 1)[-1]
        done, total = write_ts(path, messages, read_ts(path), lang)
        print(f"{os.path.relpath(path)}: {total} messages in {len(messages)} contexts, {done} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
