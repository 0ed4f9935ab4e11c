"""HTML pages reduced to article text (kg.ingest.html, stdlib html.parser)."""

from __future__ import annotations

from kg.ingest.html import html_to_article, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Daily Site | Acme hires a new chief</title>
<meta property="og:title" content="Acme hires a new chief &amp; moves to Lyon">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
<meta property="og:url" content="https://news.example/acme">
<style>p { color: red } .x:before { content: "<p>style text</p>" }</style>
<script>var s = "<p>script text</p>"; document.write("</div>");</script>
</head><body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></header>
<nav aria-label="Main"><ul><li><a href="/">Front page</a><li><a href="/sport">Sport</a></ul></nav>
<div class="share-bar"><button>Share on Facebook</button> <a href="#">Tweet</a></div>
<main id="main"><article>
<header><h1>Acme hires a new chief</h1><p class="byline">By Ann Writer</p></header>
<div class="story-body share-enabled">
<p>Acme Corp hired Jane Roe as chief executive on Monday,
   the company said.</p>
<p>She will move the head office to Lyon.<br>Staff were told on Friday.</p>
<figure><img src="a.jpg" alt="Jane Roe"><figcaption>Jane Roe in 2020. Photo: Agency</figcaption></figure>
<div class="ad-slot">Advertisement: buy a car</div>
<p>Share</p>
<ul class="related-links"><li><a href="/x">Rival opens a plant in Berlin</a></li><li><a href="/y">Markets fall</a></li></ul>
<p>Analysts said the move was <em>expected</em> &mdash; and <a href="/z">overdue</a>.</p>
<noscript><p>Enable JavaScript</p></noscript>
<template><p>template text</p></template>
<p hidden>hidden text</p><p aria-hidden="true">aria hidden text</p>
</div>
<footer><p>Topics: business</p><div class="social-share"><a>Email</a><a>Print</a></div></footer>
</article></main>
<aside><h2>Most read</h2><p>Something else entirely happened.</p></aside>
<div id="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<footer class="site-footer"><p>&copy; 2024 Daily Site</p></footer>
</body></html>"""


def test_article_text_without_boilerplate():
    a = html_to_article(PAGE)
    assert a.text == (
        "Acme hires a new chief\n\n"
        "Acme Corp hired Jane Roe as chief executive on Monday, the company said.\n\n"
        "She will move the head office to Lyon.\n\n"
        "Staff were told on Friday.\n\n"
        "Analysts said the move was expected \u2014 and overdue."
    )
    assert a.title == "Acme hires a new chief & moves to Lyon"
    assert a.date == "2024-05-01T10:00:00Z" and a.url == "https://news.example/acme"


def test_title_falls_back_to_title_tag_then_h1():
    assert html_to_article("<html><head><title> A  title </title></head><body><p>x y z</p></body></html>").title == "A title"
    assert html_to_article("<html><body><h1>Big news</h1><p>Text here.</p></body></html>").title == "Big news"


def test_page_without_article_element_keeps_body_paragraphs():
    a = html_to_article("<html><body><nav><a href='/'>Home</a></nav><div><p>One.</p><p>Two &lt;three&gt;.</p></div>"
                        "<footer>Footer</footer></body></html>")
    assert a.text == "One.\n\nTwo <three>."


def test_unclosed_and_broken_markup():
    assert html_to_article("<p>First<p>Second <b>bold<p>Third</div></span>").text == "First\n\nSecond bold\n\nThird"
    assert html_to_article("<html><body><p>Text <!-- a comment --> goes on</p><p>Tail").text == "Text goes on\n\nTail"
    assert html_to_article("<p>a < b and c > d</p>").text == "a < b and c > d"


def test_link_lists_are_dropped_but_prose_with_links_is_kept():
    html = ("<body><ul><li><a href='/1'>Story one</a></li><li><a href='/2'>Story two</a></li></ul>"
            "<p>Read the <a href='/r'>report</a> published by the ministry on Tuesday.</p></body>")
    assert html_to_article(html).text == "Read the report published by the ministry on Tuesday."


def test_looks_like_html():
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>One</p><p>Two</p><div>three</div>")
    assert not looks_like_html("Shares rose 3% as 2 < 3 and 5 > 4, traders said.")
    assert not looks_like_html("He wrote <b> once.")
