"""The workspace in a real browser: Chromium (headless) driven by selenium, axe-core on every page.

Usage: workspace_flow.py <docket binary> <project root>
Starts `docket serve` on a free loopback port with a fresh data folder, walks the flow of
issue 10 and prints one line per step; exits non-zero on the first failure. The whole flow is
driven with the keyboard alone: keys typed into fields, Enter on buttons and links, options
chosen by typing in a focused select (no mouse clicks).
"""
import io, json, os, socket, subprocess, sys, tempfile, time, urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

docket, root = sys.argv[1], sys.argv[2]
data = tempfile.mkdtemp(prefix="docket-serve-")
downloads = tempfile.mkdtemp(prefix="docket-dl-")
env = dict(os.environ, DOCKET_HOME=root, DOCKET_NOW="2023-09-20", NO_COLOR="1")
db = os.path.join(data, "tracker.sqlite")
PASSWORDS = {"ada": "admin password 1", "pat": "preparer pass 1", "rita": "reviewer pass 1"}


def run(*args, stdin=None):
    r = subprocess.run([docket, *args], env=env, input=stdin, text=True, capture_output=True, timeout=120)
    if r.returncode != 0:
        sys.exit(f"FAIL: docket {' '.join(args)}: {r.stderr}")
    return r.stdout


run("track", "entity", "add", "MBRH", "--name", "Merrimack Bay Regional Hospital", "--type", "hospital", "--db", db)
run("track", "sync", "--db", db)
run("admin", "user", "add", "ada", "--role", "admin", "--password-stdin", "--data-dir", data, stdin=PASSWORDS["ada"] + "\n")
run("admin", "user", "add", "rita", "--role", "reviewer", "--password-stdin", "--data-dir", data, stdin=PASSWORDS["rita"] + "\n")

s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
base = f"http://127.0.0.1:{port}"
server = subprocess.Popen([docket, "serve", "--port", str(port), "--data-dir", data], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
for _ in range(300):
    try:
        if urllib.request.urlopen(base + "/healthz", timeout=1).read() == b"ok":
            break
    except OSError:
        time.sleep(0.1)
else:
    server.kill()
    sys.exit("FAIL: docket serve did not answer /healthz within 30 s")

violations = {}
driver = None


def step(text):
    print("ok:", text, flush=True)


def check(condition, text):
    """`condition` is a value or a function; a function is retried for up to 10 s (pages load
    after a click returns)."""
    deadline = time.time() + 10
    while True:
        ok = condition() if callable(condition) else condition
        if ok:
            return
        if not callable(condition) or time.time() > deadline:
            raise AssertionError(text() if callable(text) else text)
        time.sleep(0.1)


def axe(page):
    a = Axe(driver)
    a.inject()
    result = a.run()
    bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    if bad:
        violations[page] = bad
    step(f"axe on {page}: {len(bad)} serious/critical")


def sign_in(name, keyboard=False):
    driver.get(base + "/login")
    field = driver.find_element(By.NAME, "name")
    if keyboard:  # keyboard alone: type, Tab, type, Enter
        field.send_keys(name, Keys.TAB, PASSWORDS[name], Keys.ENTER)
    else:
        field.send_keys(name)
        driver.find_element(By.NAME, "password").send_keys(PASSWORDS[name])
        press(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check(lambda: "Board" in driver.title, lambda: f"signed in as {name}: {driver.title}")


def sign_out():
    press(driver.find_element(By.XPATH, "//button[text()='Sign out']"))
    check(lambda: "Sign in" in driver.title, "signed out")


def press(element):
    """Activates a button or link with the keyboard (focus, then Enter)."""
    element.send_keys(Keys.ENTER)


def choose(select, value):
    """Chooses an option of a select with the keyboard: focus it and type the option's text."""
    option = select.find_element(By.CSS_SELECTOR, f"option[value='{value}']")
    select.send_keys(option.text)
    check(lambda: Select(select).first_selected_option.get_attribute("value") == value, f"chose {value}")


def choose_radio(name, value):
    """Chooses a radio button with the keyboard: focus it and press Space."""
    radio = driver.find_element(By.CSS_SELECTOR, f"input[type=radio][name='{name}'][value='{value}']")
    radio.send_keys(Keys.SPACE)
    check(lambda: radio.is_selected(), f"chose {value}")


def record(step_name):
    choose(driver.find_element(By.ID, "status"), step_name)
    press(driver.find_element(By.XPATH, "//button[text()='Record']"))
    check(lambda: f"<dd>{step_name}</dd>" in driver.page_source, f"recorded {step_name}")


try:
    opts = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        opts.add_argument(arg)
    opts.binary_location = "/usr/bin/chromium"
    opts.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(30)

    driver.get(base + "/")
    check(driver.current_url.endswith("/login"), "an unauthenticated request is sent to /login")
    axe("login")
    sign_in("ada", keyboard=True)
    step("admin signed in with the keyboard alone")
    axe("board")
    driver.get(base + "/admin")
    axe("admin")
    driver.find_element(By.NAME, "name").send_keys("pat")
    choose(driver.find_element(By.ID, "role"), "preparer")
    driver.find_element(By.ID, "entities").send_keys("MBRH")
    driver.find_element(By.ID, "password").send_keys(PASSWORDS["pat"])
    press(driver.find_element(By.XPATH, "//button[text()='Add user']"))
    check(lambda: "Added pat (preparer)" in driver.page_source, "admin created the preparer")
    step("admin created a preparer")
    sign_out()

    sign_in("pat")
    check(lambda: driver.find_elements(By.PARTIAL_LINK_TEXT, "PIP 1 Mid-year Planning Report"), "the board is shown")
    press(driver.find_element(By.PARTIAL_LINK_TEXT, "PIP 1 Mid-year Planning Report"))
    axe("instance")
    instance_url = driver.current_url
    check(lambda: driver.find_elements(By.LINK_TEXT, "Open the form"), "the instance page is shown")
    press(driver.find_element(By.LINK_TEXT, "Open the form"))
    axe("form")
    choose_radio("/entity/type", "acute-hospital")
    driver.find_element(By.NAME, "/contacts/executiveSponsor/name").send_keys("Dr. Elena Marquez-Whitfield")
    driver.find_element(By.NAME, "/contacts/executiveSponsor/email").send_keys("not-an-email")
    press(driver.find_element(By.XPATH, "//button[starts-with(text(),'Add other')]"))
    driver.find_element(By.NAME, "/contacts/other/0/name").send_keys("Priya Ramanathan")
    driver.find_element(By.NAME, "/contacts/other/0/role").send_keys("Health Equity Data Analyst")
    step("added an Other Supporting Personnel row")
    driver.find_element(By.NAME, "/midYearPlanning/response").send_keys(
        "We held **ten** joint planning meetings with our ACO partner and chose Care Coordination, with "
        "follow-up after ED visits for mental illness. Anticipated challenges: data exchange and staffing.")
    press(driver.find_element(By.XPATH, "//button[text()='Check']"))
    check(lambda: driver.find_elements(By.ID, "error-summary"), "the error summary is shown")
    summary = driver.find_element(By.ID, "error-summary")
    link = summary.find_element(By.XPATH, ".//a[contains(@href, 'executiveSponsor-email')]")
    step("the error summary names the bad email: " + link.text)
    axe("form with errors")
    press(link)
    check(driver.switch_to.active_element.get_attribute("name") == "/contacts/executiveSponsor/email",
          "the summary link moves focus to the field")
    field = driver.find_element(By.NAME, "/contacts/executiveSponsor/email")
    field.clear()
    field.send_keys("emarquez@mbrh.example.org")
    press(driver.find_element(By.XPATH, "//button[text()='Check']"))
    check(lambda: "No problems found" in driver.page_source,
          lambda: f"checks clean after the fix: {[e.text for e in driver.find_elements(By.CSS_SELECTOR, '#error-summary li')]}")
    step("checks clean")
    press(driver.find_element(By.XPATH, "//button[text()='Download .docx']"))
    path = os.path.join(downloads, "MBRH_PIPMidYearReport_09202023.docx")
    for _ in range(100):
        if os.path.exists(path):
            break
        time.sleep(0.1)
    import docx  # python-docx
    document = docx.Document(path)  # answers sit in content controls: read every w:t of the body
    text = "".join(t.text or "" for t in document.element.body.iter() if t.tag.endswith("}t"))
    check("Priya Ramanathan" in text and "Marquez-Whitfield" in text, "the downloaded .docx holds the values")
    step("downloaded " + os.path.basename(path) + " and python-docx finds the values")

    driver.get(instance_url)
    for s in ("filled", "validated", "uploaded"):
        record(s)
    check(lambda: "click “submit”" in driver.page_source, "the OnBase two-step reminder after uploaded")
    driver.get(base + "/")
    check("uploaded, not submitted" in driver.page_source.lower() or "not submitted" in driver.page_source, "the board flags it")
    step("uploaded is flagged on the board")
    driver.get(instance_url)
    record("submitted")
    step("submitted")
    sign_out()

    sign_in("rita")
    driver.get(instance_url)
    choose(driver.find_element(By.ID, "r-mid-year-narrative"), "partially-met")
    driver.find_element(By.ID, "resubmitBy").send_keys("11152023")
    press(driver.find_element(By.XPATH, "//button[text()='Record review']"))
    check(lambda: "resubmit by 2023-11-15" in driver.page_source, "the review is recorded with its resubmission date")
    step("reviewer rated the narrative Partially Met, resubmit by 2023-11-15")
    sign_out()

    sign_in("pat")
    driver.get(base + "/calendar")
    axe("calendar")
    press(driver.find_element(By.XPATH, "//button[text()='Make a new feed link']"))
    check(lambda: driver.find_elements(By.PARTIAL_LINK_TEXT, "/feeds/"), "the new feed link is shown")
    feed = driver.find_element(By.PARTIAL_LINK_TEXT, "/feeds/").get_attribute("href").replace("https://", "http://")
    feed = base + feed[feed.index("/feeds/"):]
    import icalendar
    cal = icalendar.Calendar.from_ical(urllib.request.urlopen(feed, timeout=10).read())
    dates = {str(e.get("dtstart").dt) for e in cal.walk("VEVENT")}
    check("2023-11-15" in dates, f"the feed has the resubmission date: {sorted(dates)[:5]}")
    step("the preparer's ICS feed (icalendar) has 2023-11-15")
    driver.get(base + "/check")
    axe("check")
finally:
    if driver:
        driver.quit()
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()

if violations:
    sys.exit("FAIL: axe violations: " + json.dumps(violations, indent=1))
print("browser flow: passed")
