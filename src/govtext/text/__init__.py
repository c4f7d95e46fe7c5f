"""Preparing the text: normalized view, reading files, document structure.

- `govtext.text.prepare`: the same-length normalized view every stage matches on;
- `govtext.text.reading`: ``read(path)`` (UTF-8 with or without BOM, GB18030/GBK/GB2312,
  UTF-16/32 with BOM; line endings kept; offsets index the text after the BOM;
  `DecodeError` names the file and byte position) and ``annotate_file(path)``;
- `govtext.text.html`: ``annotate_html(html)``, main text and page metadata of a saved
  web page (needs ``pip install govtext[html]``);
- `govtext.text.structure`: ``analyze(prepared) -> Structure``, run by the pipeline, which
  combines `metadata` (the 索引号/发布机构/发文日期/名称 header), `boilerplate`
  (navigation, page tools, footers), `sentences` (paragraphs and sentences) and
  `outline` (the heading tree).

On a `Document`: ``doc.metadata.issued``, ``doc.boilerplate``, ``doc.body``,
``doc.paragraphs``, ``doc.sentences``, ``doc.section_of(span)`` /
``doc.paragraph_of(span)`` / ``doc.sentence_of(span)``, and
``print(format_outline(doc.outline))`` (from `govtext.text.outline`) or
``print(section)`` for an indented table of contents.
"""
