# Docket's LibreOffice converter (Sources/DocketPDF): one long-lived headless soffice, driven over
# UNO through a local pipe (a Unix socket, never TCP), with its own user profile.
# Started by LibreOfficePool; talks on stdin/stdout, one JSON object a line:
#   in  {"in": "/path/a.docx", "out": "/path/a.pdf", "pdfa": false}
#   out {"ok": true} | {"ok": false, "error": "…"}; first line {"ready": true} or {"ready": false, "error": "…"}
# Exits (ending soffice and removing its work folder) when stdin closes.
# Usage: python3 uno-bridge.py <soffice> <work-folder> <pipe-name>
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.append("/usr/lib/libreoffice/program")


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError as e:
    reply({"ready": False, "missing": "python3-uno", "error": str(e)})
    sys.exit(3)

soffice, work, pipe = sys.argv[1], sys.argv[2], sys.argv[3]
profile = os.path.join(work, "profile")


def props(**kw):
    return tuple(PropertyValue(Name=k, Value=v) for k, v in kw.items())


def start():
    return subprocess.Popen(
        [soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def connect(proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if proc.poll() is not None and proc.returncode != 81:
                raise RuntimeError("soffice exited with status %d while starting" % proc.returncode)
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept a connection within 60 s")
            time.sleep(0.1)


def convert(desktop, req):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["in"]), "_blank", 0,
                                       props(Hidden=True, ReadOnly=True))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        # Tagged PDF always (structure for screen readers); PDF/A-2b on request (SelectPdfVersion=2).
        filter_data = props(UseTaggedPDF=True, SelectPdfVersion=2 if req.get("pdfa") else 0,
                            ExportBookmarks=True, ExportFormFields=False, EmbedStandardFonts=True)
        doc.storeToURL(uno.systemPathToFileUrl(req["out"]),
                       props(FilterName="writer_pdf_Export",
                             FilterData=uno.Any("[]com.sun.star.beans.PropertyValue", filter_data)))
    finally:
        doc.close(True)


def alive(desktop):
    """Whether soffice still runs and answers (a document error leaves it so; a crash does not)."""
    if proc.poll() is not None:
        return False
    try:
        desktop.getFrames()
        return True
    except Exception:
        return False


proc = start()
try:
    desktop = connect(proc)
    reply({"ready": True, "pid": proc.pid})
    for line in sys.stdin:
        try:
            convert(desktop, json.loads(line))
            reply({"ok": True})
        except Exception as e:
            fatal = not alive(desktop)
            reply({"ok": False, "fatal": fatal, "error": "%s: %s" % (type(e).__name__, e)})
            if fatal:
                break
except Exception as e:
    reply({"ready": False, "error": str(e)})
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        proc.wait(timeout=10)
    except Exception:
        proc.kill()
    shutil.rmtree(work, ignore_errors=True)
