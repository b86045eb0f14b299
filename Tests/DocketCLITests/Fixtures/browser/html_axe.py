"""axe-core (axe-selenium-python) in headless Chromium on HTML files: every rule axe runs by
default (WCAG 2.0/2.1 A and AA, best practices), every impact.

Usage: html_axe.py <file.html>...
Prints one line per file, `<file>: <n> violations`, then each violation; exits 1 when any file
has one, 2 when the browser cannot start.
"""
import pathlib, sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

options = Options()
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
    options.add_argument(argument)
try:
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
except Exception as error:  # noqa: BLE001 - any start failure is the same to the caller
    sys.exit(f"FAIL: cannot start Chromium: {error}")
failed = False
try:
    for path in sys.argv[1:]:
        driver.get(pathlib.Path(path).resolve().as_uri())
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
        violations = result["violations"]
        print(f"{path}: {len(violations)} violations, {len(result['passes'])} rules passed", flush=True)
        for v in violations:
            failed = True
            targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
            print(f"  {v['id']} ({v['impact']}): {v['help']} at {targets}")
finally:
    driver.quit()
sys.exit(1 if failed else 0)
