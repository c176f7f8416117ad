"""A real browser over a real server: headless Chromium (Debian's) driven by Selenium.

The server (``newsbrief.web.serve``, uvicorn) runs in another process on a free loopback
port over a store built from the seeds and the untrusted fixture articles. Screenshots go
to docs/ (docs/screenshot-front.png, docs/screenshot-event.png).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_support import SEEDS, TESTS, UNTRUSTED, built_store

from newsbrief.web.background import running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DOCS = TESTS.parent / "docs"

if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver",
        allow_module_level=True,
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium")
from selenium.webdriver.common.by import By  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server(built_store(SEEDS, UNTRUSTED)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="newsbrief-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(
        options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    )
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def not_pwned(driver: webdriver.Chrome) -> None:
    """Assert no injected script or handler ran, and none made it into the page."""
    assert driver.execute_script("return window.__pwned === undefined")
    assert driver.title != "pwned"  # what the injected scripts would set
    dom = driver.execute_script(
        "return [document.querySelectorAll('script').length,"
        " document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,"
        " document.querySelectorAll('a[href^=\"javascript:\" i]').length,"
        " document.querySelectorAll('main img, main svg').length]"
    )
    assert dom == [0, 0, 0, 0]


def test_front_page_to_event_brief(browser: webdriver.Chrome, server: str) -> None:
    browser.set_window_size(1100, 900)
    browser.get(server + "/")
    headlines = browser.find_elements(By.CSS_SELECTOR, "li.event a.headline")
    assert len(headlines) == 2
    DOCS.mkdir(exist_ok=True)
    browser.save_screenshot(str(DOCS / "screenshot-front.png"))
    seeds = next(link for link in headlines if "Kuwait" in link.text)
    headline = seeds.text
    seeds.click()
    assert "/events/" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, "h1.headline").text == headline
    key_sentences = browser.find_elements(By.CSS_SELECTOR, "#summary ol.summary > li")
    assert key_sentences
    for sentence in key_sentences:  # each key sentence cites at least one outlet
        assert sentence.find_elements(By.CSS_SELECTOR, "a.cite")
    conflict_rows = browser.find_elements(By.CSS_SELECTOR, "table.figures tr.conflict")
    for row in conflict_rows:  # a conflict is highlighted (its own background colour)
        assert row.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    assert browser.find_elements(By.CSS_SELECTOR, "ul.copies li")  # 002 is a copy of 001
    browser.set_window_size(1100, 2400)  # the brief down to the figures and timeline
    browser.save_screenshot(str(DOCS / "screenshot-event.png"))
    browser.set_window_size(1100, 900)
    # Follow a cited source to its article page.
    cited = key_sentences[0].find_element(By.CSS_SELECTOR, "a.cite")
    cited.click()
    assert "/articles/" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "div.text p")
    not_pwned(browser)


def test_phone_width_has_no_horizontal_scroll(browser: webdriver.Chrome, server: str) -> None:
    browser.set_window_size(390, 844)
    browser.get(server + "/")
    browser.find_element(By.CSS_SELECTOR, "li.event a.headline").click()
    width = browser.execute_script("return document.documentElement.scrollWidth")
    viewport = browser.execute_script("return window.innerWidth")
    assert width <= viewport


def test_untrusted_articles_show_as_text_and_run_nothing(
    browser: webdriver.Chrome, server: str
) -> None:
    browser.set_window_size(1100, 900)
    browser.get(server + "/search?q=ferry+strike")
    not_pwned(browser)
    results = browser.find_elements(By.CSS_SELECTOR, "ol.hits > li > a")
    assert len(results) == 2
    # the title's script is dropped at ingest, its words kept
    assert "Ferry strike halts harbour crossings" in {link.text for link in results}
    links = [link.get_attribute("href") for link in results]
    texts = []
    for link in links:
        browser.get(link)
        not_pwned(browser)
        texts.append(browser.find_element(By.TAG_NAME, "main").text)
    # a plain-text body keeps its words; a whole script or drawing element goes at ingest
    # (code, not text), the words around it stay
    assert any("Commuters crowded onto the coastal bridge. Talks resume" in t for t in texts)
    assert not any("document.title" in text or "<svg" in text for text in texts)
    browser.get(server + "/")
    ferry = next(
        link
        for link in browser.find_elements(By.CSS_SELECTOR, "li.event a.headline")
        if "Kuwait" not in link.text
    )
    ferry.click()
    not_pwned(browser)
    assert "strike" in browser.find_element(By.TAG_NAME, "main").text.lower()
