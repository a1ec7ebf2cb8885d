<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
  <context>
    <name>Autosave</name>
    <message>
      <source>Kupang Layout was not closed properly. A recovery copy of %1 (%2 pages) was made at %3.

Recover it? Recovered work is not saved to the file until you save it.</source>
      <translation>Kupang Layout was not closed properly. A recovery copy of %1 (%2 pages) was made at %3.

Recover it? Recovered work is not saved to the file until you save it.</translation>
    </message>
    <message>
      <source>a new, never saved edition</source>
      <translation>a new, never saved edition</translation>
    </message>
    <message>
      <source>Recover Work</source>
      <translation>Recover Work</translation>
    </message>
    <message>
      <source>&amp;Recover</source>
      <translation>&amp;Recover</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Discard</translation>
    </message>
    <message>
      <source>&amp;Not Now</source>
      <translation>&amp;Not Now</translation>
    </message>
    <message>
      <source>Work recovered: save it to keep it.</source>
      <translation>Work recovered: save it to keep it.</translation>
    </message>
    <message>
      <source>Recovery Copy</source>
      <translation>Recovery Copy</translation>
    </message>
    <message>
      <source>Could not write the recovery copy: %1</source>
      <translation>Could not write the recovery copy: %1</translation>
    </message>
    <message>
      <source>The recovery copy of your work cannot be written: %1

The edition is still open and nothing is lost yet. Save it now (Save As into another folder if saving fails too).</source>
      <translation>The recovery copy of your work cannot be written: %1

The edition is still open and nothing is lost yet. Save it now (Save As into another folder if saving fails too).</translation>
    </message>
    <message>
      <source>Recovery copy saved in %1 (the usual folder cannot be written)</source>
      <translation>Recovery copy saved in %1 (the usual folder cannot be written)</translation>
    </message>
    <message>
      <source>Recovery copy saved at %1</source>
      <translation>Recovery copy saved at %1</translation>
    </message>
    <message>
      <source>The recovery copy cannot be written in the usual folder (%1).

It is written to %2 instead, until the usual folder can be written again.</source>
      <translation>The recovery copy cannot be written in the usual folder (%1).

It is written to %2 instead, until the usual folder can be written again.</translation>
    </message>
    <message>
      <source>The recovery copy cannot be read: %1

It is kept in %2.</source>
      <translation>The recovery copy cannot be read: %1

It is kept in %2.</translation>
    </message>
  </context>
  <context>
    <name>Boundary</name>
    <message>
      <source>Kupang Layout: Problem</source>
      <translation>Kupang Layout: Problem</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Save &amp;As…</translation>
    </message>
  </context>
  <context>
    <name>Clipboard</name>
    <message>
      <source>Pasted without the photo (not on the clipboard): %1</source>
      <translation>Pasted without the photo (not on the clipboard): %1</translation>
    </message>
    <message>
      <source>The clipboard holds frames that cannot be pasted: %1</source>
      <translation>The clipboard holds frames that cannot be pasted: %1</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <source>; ink measured by Ghostscript on every page</source>
      <translation>; ink measured by Ghostscript on every page</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>&amp;All pages</source>
      <translation>&amp;All pages</translation>
    </message>
    <message>
      <source>&amp;Pages:</source>
      <translation>&amp;Pages:</translation>
    </message>
    <message>
      <source>e.g. 1,3-5</source>
      <translation>e.g. 1,3-5</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Also make one combined &amp;proof PDF of these pages</source>
      <translation>Also make one combined &amp;proof PDF of these pages</translation>
    </message>
    <message>
      <source>Export all pages &amp;again (also the unchanged)</source>
      <translation>Export all pages &amp;again (also the unchanged)</translation>
    </message>
    <message>
      <source>Preset</source>
      <translation>Preset</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Folder</translation>
    </message>
    <message>
      <source>File names</source>
      <translation>File names</translation>
    </message>
    <message>
      <source>Export in spite of the errors (a report, preflight.json, goes beside the PDFs)</source>
      <translation>Export in spite of the errors (a report, preflight.json, goes beside the PDFs)</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Preflight</translation>
    </message>
    <message>
      <source>Pre&amp;view</source>
      <translation>Pre&amp;view</translation>
    </message>
    <message>
      <source>&amp;Open Folder</source>
      <translation>&amp;Open Folder</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Export</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>&amp;Hide (export goes on)</source>
      <translation>&amp;Hide (export goes on)</translation>
    </message>
    <message>
      <source>Export Folder</source>
      <translation>Export Folder</translation>
    </message>
    <message>
      <source>PDF/X-1a for the plant</source>
      <translation>PDF/X-1a for the plant</translation>
    </message>
    <message>
      <source>proof, not PDF/X</source>
      <translation>proof, not PDF/X</translation>
    </message>
    <message>
      <source>, crop marks</source>
      <translation>, crop marks</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Cancelling: the pages being written are finished…</source>
      <translation>Cancelling: the pages being written are finished…</translation>
    </message>
    <message>
      <source>Cancelled: the other pages were not exported.</source>
      <translation>Cancelled: the other pages were not exported.</translation>
    </message>
    <message>
      <source>Preview: %1</source>
      <translation>Preview: %1</translation>
    </message>
    <message>
      <source>&amp;Current page (%1)</source>
      <translation>&amp;Current page (%1)</translation>
    </message>
    <message>
      <source>Exporting %1 pages…</source>
      <translation>Exporting %1 pages…</translation>
    </message>
    <message>
      <source>The export failed: %1</source>
      <translation>The export failed: %1</translation>
    </message>
    <message>
      <source>Your presets file was not read: %1</source>
      <translation>Your presets file was not read: %1</translation>
    </message>
    <message>
      <source>page %1</source>
      <translation>page %1</translation>
    </message>
    <message>
      <source>Not a valid pattern: %1</source>
      <translation>Not a valid pattern: %1</translation>
    </message>
    <message>
      <source>e.g. %1</source>
      <translation>e.g. %1</translation>
    </message>
    <message>
      <source>An export into %1 is still running; wait for it or choose another folder.</source>
      <translation>An export into %1 is still running; wait for it or choose another folder.</translation>
    </message>
    <message>
      <source>%1 pages unchanged since the last export were kept.</source>
      <translation>%1 pages unchanged since the last export were kept.</translation>
    </message>
    <message>
      <source>The PDF check found: %1</source>
      <translation>The PDF check found: %1</translation>
    </message>
    <message>
      <source>Report: %1</source>
      <translation>Report: %1</translation>
    </message>
    <message>
      <source>%1 pages failed: %2</source>
      <translation>%1 pages failed: %2</translation>
    </message>
    <message>
      <source>%1 pages exported to %2 in %3 s</source>
      <translation>%1 pages exported to %2 in %3 s</translation>
    </message>
    <message>
      <source>%1%2; images up to %3 ppi; total ink %4 %</source>
      <translation>%1%2; images up to %3 ppi; total ink %4 %</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>not checked</source>
      <translation>not checked</translation>
    </message>
    <message>
      <source>at most %1 %, proven</source>
      <translation>at most %1 %, proven</translation>
    </message>
    <message>
      <source>%1 %, measured by Ghostscript</source>
      <translation>%1 %, measured by Ghostscript</translation>
    </message>
    <message>
      <source>Ink</source>
      <translation>Ink</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>failed</translation>
    </message>
    <message>
      <source>exported</source>
      <translation>exported</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>unchanged</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Cancel the export</source>
      <translation>Cancel the export</translation>
    </message>
    <message>
      <source>Exporting PDF…</source>
      <translation>Exporting PDF…</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Warnings</translation>
    </message>
    <message>
      <source>No export yet in this window.</source>
      <translation>No export yet in this window.</translation>
    </message>
    <message>
      <source>Cancelling the export…</source>
      <translation>Cancelling the export…</translation>
    </message>
    <message>
      <source>Exporting %1 pages to %2</source>
      <translation>Exporting %1 pages to %2</translation>
    </message>
    <message>
      <source>Export %1/%2</source>
      <translation>Export %1/%2</translation>
    </message>
  </context>
  <context>
    <name>FlatPlan</name>
    <message>
      <source>empty</source>
      <translation>empty</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>ready</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>sent</translation>
    </message>
    <message>
      <source>changed after sending</source>
      <translation>changed after sending</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Assign…</source>
      <translation>Assign…</translation>
    </message>
    <message>
      <source>Template…</source>
      <translation>Template…</translation>
    </message>
    <message>
      <source>Mark Ready</source>
      <translation>Mark Ready</translation>
    </message>
    <message>
      <source>Renumber Pages</source>
      <translation>Renumber Pages</translation>
    </message>
    <message>
      <source>Pages planned:</source>
      <translation>Pages planned:</translation>
    </message>
    <message>
      <source>Assign Page</source>
      <translation>Assign Page</translation>
    </message>
    <message>
      <source>Page Template</source>
      <translation>Page Template</translation>
    </message>
    <message>
      <source>Assign to</source>
      <translation>Assign to</translation>
    </message>
    <message>
      <source>Someone Else…</source>
      <translation>Someone Else…</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>stale lock: %1</source>
      <translation>stale lock: %1</translation>
    </message>
    <message>
      <source>Not Ready</source>
      <translation>Not Ready</translation>
    </message>
    <message>
      <source>Nobody</source>
      <translation>Nobody</translation>
    </message>
    <message>
      <source>not made yet</source>
      <translation>not made yet</translation>
    </message>
    <message>
      <source>Who makes page %1?</source>
      <translation>Who makes page %1?</translation>
    </message>
    <message>
      <source>Template of page %1:</source>
      <translation>Template of page %1:</translation>
    </message>
    <message>
      <source>Open Page %1</source>
      <translation>Open Page %1</translation>
    </message>
    <message>
      <source>%1 (%2) since %3</source>
      <translation>%1 (%2) since %3</translation>
    </message>
    <message>
      <source>%1 pages, %2 ready or sent</source>
      <translation>%1 pages, %2 ready or sent</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Kupang Layout Guide</source>
      <translation>Kupang Layout Guide</translation>
    </message>
    <message>
      <source>Kupang Layout &amp;Guide (Panduan)</source>
      <translation>Kupang Layout &amp;Guide (Panduan)</translation>
    </message>
    <message>
      <source>The guide could not be read: %1</source>
      <translation>The guide could not be read: %1</translation>
    </message>
  </context>
  <context>
    <name>Hyphenation</name>
    <message>
      <source>empty entry</source>
      <translation>empty entry</translation>
    </message>
    <message>
      <source>one word per line expected, got {entry}</source>
      <translation>one word per line expected, got {entry}</translation>
    </message>
    <message>
      <source>unexpected character {char} in {entry}</source>
      <translation>unexpected character {char} in {entry}</translation>
    </message>
    <message>
      <source>hyphens must stand between letters in {entry}</source>
      <translation>hyphens must stand between letters in {entry}</translation>
    </message>
    <message>
      <source>no letters in {entry}</source>
      <translation>no letters in {entry}</translation>
    </message>
    <message>
      <source>not UTF-8 text ({reason})</source>
      <translation>not UTF-8 text ({reason})</translation>
    </message>
    <message>
      <source>cannot read file: {reason}</source>
      <translation>cannot read file: {reason}</translation>
    </message>
    <message>
      <source>One word a line, hyphens where it may break (pe-ri-ngat-an); a word without hyphens never breaks; # starts a comment. These words override the built-in list.</source>
      <translation>One word a line, hyphens where it may break (pe-ri-ngat-an); a word without hyphens never breaks; # starts a comment. These words override the built-in list.</translation>
    </message>
    <message>
      <source>%1 problems: fix them before saving</source>
      <translation>%1 problems: fix them before saving</translation>
    </message>
    <message>
      <source>%1 words</source>
      <translation>%1 words</translation>
    </message>
    <message>
      <source>Line %1: %2</source>
      <translation>Line %1: %2</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Headline</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Deck</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Photo credit</source>
      <translation>Photo credit</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>Body</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Lead</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Quote</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Pull quote</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Teaser</translation>
    </message>
    <message>
      <source>Tagline</source>
      <translation>Tagline</translation>
    </message>
    <message>
      <source>Credits</source>
      <translation>Credits</translation>
    </message>
    <message>
      <source>Folio</source>
      <translation>Folio</translation>
    </message>
    <message>
      <source>Import Manuscript</source>
      <translation>Import Manuscript</translation>
    </message>
    <message>
      <source>Manuscript Imported</source>
      <translation>Manuscript Imported</translation>
    </message>
    <message>
      <source>Apply Again</source>
      <translation>Apply Again</translation>
    </message>
    <message>
      <source>Import the manuscript again with the kinds chosen above (one undo step)</source>
      <translation>Import the manuscript again with the kinds chosen above (one undo step)</translation>
    </message>
    <message>
      <source>Slot</source>
      <translation>Slot</translation>
    </message>
    <message>
      <source>What went in</source>
      <translation>What went in</translation>
    </message>
    <message>
      <source>The manuscript reader was sure of every line.</source>
      <translation>The manuscript reader was sure of every line.</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Line</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>The line is</source>
      <translation>The line is</translation>
    </message>
    <message>
      <source>Slot group to fill on page %1:</source>
      <translation>Slot group to fill on page %1:</translation>
    </message>
    <message>
      <source>No slot on this page for: %1</source>
      <translation>No slot on this page for: %1</translation>
    </message>
    <message>
      <source>Left empty (not in the manuscript): %1</source>
      <translation>Left empty (not in the manuscript): %1</translation>
    </message>
    <message>
      <source>The manuscript has no headline: the page shows %1 until you write one.</source>
      <translation>The manuscript has no headline: the page shows %1 until you write one.</translation>
    </message>
    <message>
      <source>The manuscript reader was unsure of %1 lines:</source>
      <translation>The manuscript reader was unsure of %1 lines:</translation>
    </message>
    <message>
      <source>Page %1 has no template slots: apply a template to it first.</source>
      <translation>Page %1 has no template slots: apply a template to it first.</translation>
    </message>
    <message>
      <source>The manuscript is for edition %1, this edition is %2.</source>
      <translation>The manuscript is for edition %1, this edition is %2.</translation>
    </message>
    <message>
      <source>%1 went onto page %2, slot group “%3”.</source>
      <translation>%1 went onto page %2, slot group “%3”.</translation>
    </message>
    <message>
      <source>%1 paragraphs, %2 words: </source>
      <translation>%1 paragraphs, %2 words: </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;New Edition</source>
      <translation>&amp;New Edition</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>Open S&amp;hared Edition…</source>
      <translation>Open S&amp;hared Edition…</translation>
    </message>
    <message>
      <source>Sen&amp;d to the Printing Plant</source>
      <translation>Sen&amp;d to the Printing Plant</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Save &amp;As…</translation>
    </message>
    <message>
      <source>&amp;Place…</source>
      <translation>&amp;Place…</translation>
    </message>
    <message>
      <source>Export Page as &amp;PNG…</source>
      <translation>Export Page as &amp;PNG…</translation>
    </message>
    <message>
      <source>&amp;Import Manuscript…</source>
      <translation>&amp;Import Manuscript…</translation>
    </message>
    <message>
      <source>&amp;Export PDF…</source>
      <translation>&amp;Export PDF…</translation>
    </message>
    <message>
      <source>Pre&amp;ferences…</source>
      <translation>Pre&amp;ferences…</translation>
    </message>
    <message>
      <source>Pre&amp;flight Panel</source>
      <translation>Pre&amp;flight Panel</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Redo</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Cu&amp;t</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Copy</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Paste</translation>
    </message>
    <message>
      <source>Paste in Pl&amp;ace</source>
      <translation>Paste in Pl&amp;ace</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation>D&amp;uplicate</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>Select &amp;All</translation>
    </message>
    <message>
      <source>Dese&amp;lect All</source>
      <translation>Dese&amp;lect All</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>Zoom &amp;In</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Zoom &amp;Out</translation>
    </message>
    <message>
      <source>&amp;Fit Page in Window</source>
      <translation>&amp;Fit Page in Window</translation>
    </message>
    <message>
      <source>&amp;Actual Size</source>
      <translation>&amp;Actual Size</translation>
    </message>
    <message>
      <source>Show &amp;Bleed</source>
      <translation>Show &amp;Bleed</translation>
    </message>
    <message>
      <source>Show &amp;Margins</source>
      <translation>Show &amp;Margins</translation>
    </message>
    <message>
      <source>Show &amp;Columns</source>
      <translation>Show &amp;Columns</translation>
    </message>
    <message>
      <source>Show Baseline &amp;Grid</source>
      <translation>Show Baseline &amp;Grid</translation>
    </message>
    <message>
      <source>Show G&amp;uides</source>
      <translation>Show G&amp;uides</translation>
    </message>
    <message>
      <source>Loc&amp;k Guides</source>
      <translation>Loc&amp;k Guides</translation>
    </message>
    <message>
      <source>Delete All Guides on Pa&amp;ge</source>
      <translation>Delete All Guides on Pa&amp;ge</translation>
    </message>
    <message>
      <source>Show &amp;Frame Edges</source>
      <translation>Show &amp;Frame Edges</translation>
    </message>
    <message>
      <source>&amp;Snap</source>
      <translation>&amp;Snap</translation>
    </message>
    <message>
      <source>&amp;Proof Colours (Newsprint)</source>
      <translation>&amp;Proof Colours (Newsprint)</translation>
    </message>
    <message>
      <source>P&amp;roperties Panel</source>
      <translation>P&amp;roperties Panel</translation>
    </message>
    <message>
      <source>Story &amp;Editor Panel</source>
      <translation>Story &amp;Editor Panel</translation>
    </message>
    <message>
      <source>Pa&amp;ges Panel</source>
      <translation>Pa&amp;ges Panel</translation>
    </message>
    <message>
      <source>Fla&amp;t Plan</source>
      <translation>Fla&amp;t Plan</translation>
    </message>
    <message>
      <source>&amp;Previous Page</source>
      <translation>&amp;Previous Page</translation>
    </message>
    <message>
      <source>&amp;Next Page</source>
      <translation>&amp;Next Page</translation>
    </message>
    <message>
      <source>&amp;Add Page</source>
      <translation>&amp;Add Page</translation>
    </message>
    <message>
      <source>&amp;Delete Page</source>
      <translation>&amp;Delete Page</translation>
    </message>
    <message>
      <source>D&amp;uplicate Page</source>
      <translation>D&amp;uplicate Page</translation>
    </message>
    <message>
      <source>&amp;Templates…</source>
      <translation>&amp;Templates…</translation>
    </message>
    <message>
      <source>Apply Te&amp;mplate to Page…</source>
      <translation>Apply Te&amp;mplate to Page…</translation>
    </message>
    <message>
      <source>&amp;Save Page as Template…</source>
      <translation>&amp;Save Page as Template…</translation>
    </message>
    <message>
      <source>Bring &amp;Forward</source>
      <translation>Bring &amp;Forward</translation>
    </message>
    <message>
      <source>Send &amp;Backward</source>
      <translation>Send &amp;Backward</translation>
    </message>
    <message>
      <source>Bring to F&amp;ront</source>
      <translation>Bring to F&amp;ront</translation>
    </message>
    <message>
      <source>Send to Bac&amp;k</source>
      <translation>Send to Bac&amp;k</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>&amp;Lock</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Unlock</translation>
    </message>
    <message>
      <source>Edit in &amp;Story Editor</source>
      <translation>Edit in &amp;Story Editor</translation>
    </message>
    <message>
      <source>Edit &amp;Headline in Place</source>
      <translation>Edit &amp;Headline in Place</translation>
    </message>
    <message>
      <source>&amp;Unlink Frame from Next</source>
      <translation>&amp;Unlink Frame from Next</translation>
    </message>
    <message>
      <source>&amp;Fit Story to Page</source>
      <translation>&amp;Fit Story to Page</translation>
    </message>
    <message>
      <source>&amp;About Kupang Layout</source>
      <translation>&amp;About Kupang Layout</translation>
    </message>
    <message>
      <source>Select / Move (V)</source>
      <translation>Select / Move (V)</translation>
    </message>
    <message>
      <source>Text Frame (T)</source>
      <translation>Text Frame (T)</translation>
    </message>
    <message>
      <source>Image Frame (F)</source>
      <translation>Image Frame (F)</translation>
    </message>
    <message>
      <source>Rule (L)</source>
      <translation>Rule (L)</translation>
    </message>
    <message>
      <source>Box (M)</source>
      <translation>Box (M)</translation>
    </message>
    <message>
      <source>Hand (H, or hold Space)</source>
      <translation>Hand (H, or hold Space)</translation>
    </message>
    <message>
      <source>Zoom (Z)</source>
      <translation>Zoom (Z)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>&amp;Page</source>
      <translation>&amp;Page</translation>
    </message>
    <message>
      <source>&amp;Object</source>
      <translation>&amp;Object</translation>
    </message>
    <message>
      <source>&amp;Text</source>
      <translation>&amp;Text</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Language</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Open &amp;Recent</translation>
    </message>
    <message>
      <source>Clear List</source>
      <translation>Clear List</translation>
    </message>
    <message>
      <source>Import Manuscript</source>
      <translation>Import Manuscript</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>Properties</translation>
    </message>
    <message>
      <source>Story Editor</source>
      <translation>Story Editor</translation>
    </message>
    <message>
      <source>Tools</source>
      <translation>Tools</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>Untitled</translation>
    </message>
    <message>
      <source>About Kupang Layout</source>
      <translation>About Kupang Layout</translation>
    </message>
    <message>
      <source>The edition has unsaved changes. Save them?</source>
      <translation>The edition has unsaved changes. Save them?</translation>
    </message>
    <message>
      <source>No selection</source>
      <translation>No selection</translation>
    </message>
    <message>
      <source>Click a text frame to thread the story into it (Esc cancels)</source>
      <translation>Click a text frame to thread the story into it (Esc cancels)</translation>
    </message>
    <message>
      <source>page %1 of %2</source>
      <translation>page %1 of %2</translation>
    </message>
    <message>
      <source>Zoom: %1 %</source>
      <translation>Zoom: %1 %</translation>
    </message>
    <message>
      <source>Kupang Layout %1
Page layout for the print edition of Kupang Times.</source>
      <translation>Kupang Layout %1
Page layout for the print edition of Kupang Times.</translation>
    </message>
    <message>
      <source>Photos and manuscripts (*.jpg *.jpeg *.png *.tif *.tiff *.txt)</source>
      <translation>Photos and manuscripts (*.jpg *.jpeg *.png *.tif *.tiff *.txt)</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Manuscripts (*.txt)</source>
      <translation>Manuscripts (*.txt)</translation>
    </message>
    <message>
      <source>Edition Repaired</source>
      <translation>Edition Repaired</translation>
    </message>
    <message>
      <source>Save Edition</source>
      <translation>Save Edition</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Export Page as PNG</source>
      <translation>Export Page as PNG</translation>
    </message>
    <message>
      <source>Open Edition</source>
      <translation>Open Edition</translation>
    </message>
    <message>
      <source>Opening %1 repaired what could not be used as it was:</source>
      <translation>Opening %1 repaired what could not be used as it was:</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>Saved %1</translation>
    </message>
  </context>
  <context>
    <name>NewEdition</name>
    <message>
      <source>New Edition</source>
      <translation>New Edition</translation>
    </message>
    <message>
      <source>e.g. 612</source>
      <translation>e.g. 612</translation>
    </message>
    <message>
      <source>Paper name:</source>
      <translation>Paper name:</translation>
    </message>
    <message>
      <source>Edition number:</source>
      <translation>Edition number:</translation>
    </message>
    <message>
      <source>Date:</source>
      <translation>Date:</translation>
    </message>
    <message>
      <source>Number of pages:</source>
      <translation>Number of pages:</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>(blank page)</source>
      <translation>(blank page)</translation>
    </message>
  </context>
  <context>
    <name>PagesPanel</name>
    <message>
      <source>Add</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>Insert</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Template…</source>
      <translation>Template…</translation>
    </message>
    <message>
      <source>Add a page after the current one</source>
      <translation>Add a page after the current one</translation>
    </message>
    <message>
      <source>Insert a page before the current one</source>
      <translation>Insert a page before the current one</translation>
    </message>
    <message>
      <source>Duplicate the current page</source>
      <translation>Duplicate the current page</translation>
    </message>
    <message>
      <source>Delete the current page</source>
      <translation>Delete the current page</translation>
    </message>
    <message>
      <source>Apply another template to the current page</source>
      <translation>Apply another template to the current page</translation>
    </message>
    <message>
      <source>Drag a page to reorder; drop photos to fill photo slots, manuscripts to import</source>
      <translation>Drag a page to reorder; drop photos to fill photo slots, manuscripts to import</translation>
    </message>
    <message>
      <source>Blank Page</source>
      <translation>Blank Page</translation>
    </message>
    <message>
      <source>Page %1</source>
      <translation>Page %1</translation>
    </message>
    <message>
      <source>%1 on pasteboard</source>
      <translation>%1 on pasteboard</translation>
    </message>
    <message>
      <source>Planned, not made yet: %1</source>
      <translation>Planned, not made yet: %1</translation>
    </message>
    <message>
      <source>%1 photos found no empty photo slot: %2</source>
      <translation>%1 photos found no empty photo slot: %2</translation>
    </message>
  </context>
  <context>
    <name>Placeholder</name>
    <message>
      <source>headline</source>
      <translation>headline</translation>
    </message>
    <message>
      <source>deck</source>
      <translation>deck</translation>
    </message>
    <message>
      <source>section</source>
      <translation>section</translation>
    </message>
    <message>
      <source>photo</source>
      <translation>photo</translation>
    </message>
    <message>
      <source>photo_credit</source>
      <translation>photo_credit</translation>
    </message>
    <message>
      <source>caption</source>
      <translation>caption</translation>
    </message>
    <message>
      <source>dateline</source>
      <translation>dateline</translation>
    </message>
    <message>
      <source>body</source>
      <translation>body</translation>
    </message>
    <message>
      <source>pull_quote</source>
      <translation>pull_quote</translation>
    </message>
    <message>
      <source>tagline</source>
      <translation>tagline</translation>
    </message>
    <message>
      <source>credits</source>
      <translation>credits</translation>
    </message>
    <message>
      <source>folio</source>
      <translation>folio</translation>
    </message>
    <message>
      <source>masthead</source>
      <translation>masthead</translation>
    </message>
    <message>
      <source>teaser</source>
      <translation>teaser</translation>
    </message>
    <message>
      <source>free</source>
      <translation>free</translation>
    </message>
    <message>
      <source>ad</source>
      <translation>ad</translation>
    </message>
    <message>
      <source>main photo</source>
      <translation>main photo</translation>
    </message>
    <message>
      <source>second photo</source>
      <translation>second photo</translation>
    </message>
    <message>
      <source>third photo</source>
      <translation>third photo</translation>
    </message>
    <message>
      <source>teaser1 photo</source>
      <translation>teaser1 photo</translation>
    </message>
    <message>
      <source>teaser2 photo</source>
      <translation>teaser2 photo</translation>
    </message>
    <message>
      <source>teaser3 photo</source>
      <translation>teaser3 photo</translation>
    </message>
    <message>
      <source>page photo</source>
      <translation>page photo</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <source>Millimetres (mm)</source>
      <translation>Millimetres (mm)</translation>
    </message>
    <message>
      <source>Centimetres (cm)</source>
      <translation>Centimetres (cm)</translation>
    </message>
    <message>
      <source>Points (pt)</source>
      <translation>Points (pt)</translation>
    </message>
    <message>
      <source>No presets of your own yet.</source>
      <translation>No presets of your own yet.</translation>
    </message>
    <message>
      <source>Insert an &amp;Example</source>
      <translation>Insert an &amp;Example</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>Preferences</translation>
    </message>
    <message>
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Browse…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Units</translation>
    </message>
    <message>
      <source>Autosave every</source>
      <translation>Autosave every</translation>
    </message>
    <message>
      <source>A recovery copy is also made after pages, templates or imports change; your own file is only written when you save.</source>
      <translation>A recovery copy is also made after pages, templates or imports change; your own file is only written when you save.</translation>
    </message>
    <message>
      <source>Your templates folder</source>
      <translation>Your templates folder</translation>
    </message>
    <message>
      <source>a shared folder of the printing plant</source>
      <translation>a shared folder of the printing plant</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>B&amp;rowse…</translation>
    </message>
    <message>
      <source>Printing plant folder</source>
      <translation>Printing plant folder</translation>
    </message>
    <message>
      <source>Bold and italic from a word processor or e-mail become Strong and Emphasis</source>
      <translation>Bold and italic from a word processor or e-mail become Strong and Emphasis</translation>
    </message>
    <message>
      <source>Pasted text</source>
      <translation>Pasted text</translation>
    </message>
    <message>
      <source>General</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Hyphenation</source>
      <translation>Hyphenation</translation>
    </message>
    <message>
      <source>Export Presets</source>
      <translation>Export Presets</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>&amp;Apply</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>The name %1 is used by a built-in preset</source>
      <translation>The name %1 is used by a built-in preset</translation>
    </message>
    <message>
      <source>not PDF/X</source>
      <translation>not PDF/X</translation>
    </message>
    <message>
      <source>, crop marks</source>
      <translation>, crop marks</translation>
    </message>
    <message>
      <source>Built-in presets (read-only):</source>
      <translation>Built-in presets (read-only):</translation>
    </message>
    <message>
      <source>total ink</source>
      <translation>total ink</translation>
    </message>
    <message>
      <source>bleed</source>
      <translation>bleed</translation>
    </message>
    <message>
      <source>Your presets (%1):</source>
      <translation>Your presets (%1):</translation>
    </message>
  </context>
  <context>
    <name>Preflight</name>
    <message>
      <source>No problems</source>
      <translation>No problems</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Preflight</translation>
    </message>
    <message>
      <source>1 error</source>
      <translation>1 error</translation>
    </message>
    <message>
      <source>%1 errors</source>
      <translation>%1 errors</translation>
    </message>
    <message>
      <source>1 warning</source>
      <translation>1 warning</translation>
    </message>
    <message>
      <source>%1 warnings</source>
      <translation>%1 warnings</translation>
    </message>
    <message>
      <source>1 note</source>
      <translation>1 note</translation>
    </message>
    <message>
      <source>%1 notes</source>
      <translation>%1 notes</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Severity</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>Frame</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Preflight: %1</source>
      <translation>Preflight: %1</translation>
    </message>
  </context>
  <context>
    <name>Properties</name>
    <message>
      <source>Fill frame</source>
      <translation>Fill frame</translation>
    </message>
    <message>
      <source>Fit inside</source>
      <translation>Fit inside</translation>
    </message>
    <message>
      <source>Stretch</source>
      <translation>Stretch</translation>
    </message>
    <message>
      <source>Manual</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>Keep the space</source>
      <translation>Keep the space</translation>
    </message>
    <message>
      <source>Close up</source>
      <translation>Close up</translation>
    </message>
    <message>
      <source>Hide the frame</source>
      <translation>Hide the frame</translation>
    </message>
    <message>
      <source>Position and size</source>
      <translation>Position and size</translation>
    </message>
    <message>
      <source>Text frame</source>
      <translation>Text frame</translation>
    </message>
    <message>
      <source>Balance columns</source>
      <translation>Balance columns</translation>
    </message>
    <message>
      <source>Image frame</source>
      <translation>Image frame</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Rule</translation>
    </message>
    <message>
      <source>Nothing selected</source>
      <translation>Nothing selected</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(none)</translation>
    </message>
    <message>
      <source>X</source>
      <translation>X</translation>
    </message>
    <message>
      <source>Y</source>
      <translation>Y</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>Width</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>Height</translation>
    </message>
    <message>
      <source>When the slot is empty</source>
      <translation>When the slot is empty</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>Columns</translation>
    </message>
    <message>
      <source>Gutter</source>
      <translation>Gutter</translation>
    </message>
    <message>
      <source>Inset</source>
      <translation>Inset</translation>
    </message>
    <message>
      <source>Paragraph style</source>
      <translation>Paragraph style</translation>
    </message>
    <message>
      <source>Slot role</source>
      <translation>Slot role</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Fit</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>Scale</translation>
    </message>
    <message>
      <source>Effective resolution</source>
      <translation>Effective resolution</translation>
    </message>
    <message>
      <source>Crop offset X</source>
      <translation>Crop offset X</translation>
    </message>
    <message>
      <source>Crop offset Y</source>
      <translation>Crop offset Y</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>Weight</translation>
    </message>
    <message>
      <source>no image</source>
      <translation>no image</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Headline</source>
      <translation>Headline</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Deck</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Photo credit</source>
      <translation>Photo credit</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Dateline</translation>
    </message>
    <message>
      <source>Body text</source>
      <translation>Body text</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Pull quote</translation>
    </message>
    <message>
      <source>Tagline</source>
      <translation>Tagline</translation>
    </message>
    <message>
      <source>Credits</source>
      <translation>Credits</translation>
    </message>
    <message>
      <source>Folio</source>
      <translation>Folio</translation>
    </message>
    <message>
      <source>Masthead</source>
      <translation>Masthead</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Teaser</translation>
    </message>
    <message>
      <source>Free</source>
      <translation>Free</translation>
    </message>
    <message>
      <source>Advertisement</source>
      <translation>Advertisement</translation>
    </message>
  </context>
  <context>
    <name>SendToPlant</name>
    <message>
      <source>Send to the Printing Plant</source>
      <translation>Send to the Printing Plant</translation>
    </message>
    <message>
      <source>no page file</source>
      <translation>no page file</translation>
    </message>
    <message>
      <source>No page is marked ready.</source>
      <translation>No page is marked ready.</translation>
    </message>
    <message>
      <source>The Printing Plant's Folder</source>
      <translation>The Printing Plant's Folder</translation>
    </message>
    <message>
      <source>Unchanged since sent: pages %1</source>
      <translation>Unchanged since sent: pages %1</translation>
    </message>
    <message>
      <source>Sent to %1:</source>
      <translation>Sent to %1:</translation>
    </message>
    <message>
      <source>Page %1 held back: %2</source>
      <translation>Page %1 held back: %2</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <source>This page is read-only: someone else is working on it</source>
      <translation>This page is read-only: someone else is working on it</translation>
    </message>
  </context>
  <context>
    <name>SharedEdition</name>
    <message>
      <source>Pages of a shared edition are renumbered in one file: pack the edition, renumber it, and unpack it again when nobody is working on it.</source>
      <translation>Pages of a shared edition are renumbered in one file: pack the edition, renumber it, and unpack it again when nobody is working on it.</translation>
    </message>
    <message>
      <source>opened read-only</source>
      <translation>opened read-only</translation>
    </message>
    <message>
      <source>Take Over Page</source>
      <translation>Take Over Page</translation>
    </message>
    <message>
      <source>Take Over</source>
      <translation>Take Over</translation>
    </message>
    <message>
      <source>Open Read-Only</source>
      <translation>Open Read-Only</translation>
    </message>
    <message>
      <source>Take Over…</source>
      <translation>Take Over…</translation>
    </message>
    <message>
      <source>the lock is stale (not refreshed, or its program has ended): it can be taken over</source>
      <translation>the lock is stale (not refreshed, or its program has ended): it can be taken over</translation>
    </message>
    <message>
      <source>Take it over only if %1 is not working on it any more. Work that was not saved on that computer cannot be saved over yours.</source>
      <translation>Take it over only if %1 is not working on it any more. Work that was not saved on that computer cannot be saved over yours.</translation>
    </message>
    <message>
      <source>Being worked on by %1 (%2) since %3</source>
      <translation>Being worked on by %1 (%2) since %3</translation>
    </message>
    <message>
      <source>%1 (%2) has had this page since %3, but the lock is stale: the program that held it has ended or stopped answering.</source>
      <translation>%1 (%2) has had this page since %3, but the lock is stale: the program that held it has ended or stopped answering.</translation>
    </message>
    <message>
      <source>Flat Plan</source>
      <translation>Flat Plan</translation>
    </message>
    <message>
      <source>A shared edition is renumbered in one file (pack, renumber, unpack).</source>
      <translation>A shared edition is renumbered in one file (pack, renumber, unpack).</translation>
    </message>
    <message>
      <source>This page was taken over by another desk: it is read-only now. Your unsaved work is kept when you save.</source>
      <translation>This page was taken over by another desk: it is read-only now. Your unsaved work is kept when you save.</translation>
    </message>
    <message>
      <source>Open Shared Edition</source>
      <translation>Open Shared Edition</translation>
    </message>
    <message>
      <source>Open a shared edition first (File › Open Shared Edition…).</source>
      <translation>Open a shared edition first (File › Open Shared Edition…).</translation>
    </message>
    <message>
      <source>This page is read-only</source>
      <translation>This page is read-only</translation>
    </message>
    <message>
      <source>Shared edition %1</source>
      <translation>Shared edition %1</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>Saved %1</translation>
    </message>
    <message>
      <source>%1 is not a shared edition folder (it has no edition.json).</source>
      <translation>%1 is not a shared edition folder (it has no edition.json).</translation>
    </message>
    <message>
      <source>Someone else saved this page after you opened it; saving now would lose their change, so nothing was written over it.</source>
      <translation>Someone else saved this page after you opened it; saving now would lose their change, so nothing was written over it.</translation>
    </message>
    <message>
      <source>Page Not Saved</source>
      <translation>Page Not Saved</translation>
    </message>
    <message>
      <source>Open the page again to see their version, then bring your change over.</source>
      <translation>Open the page again to see their version, then bring your change over.</translation>
    </message>
    <message>
      <source>Your work is kept in %1.</source>
      <translation>Your work is kept in %1.</translation>
    </message>
  </context>
  <context>
    <name>SlotName</name>
    <message>
      <source>Main story</source>
      <translation>Main story</translation>
    </message>
    <message>
      <source>Second story</source>
      <translation>Second story</translation>
    </message>
    <message>
      <source>Third story</source>
      <translation>Third story</translation>
    </message>
    <message>
      <source>Teaser 1</source>
      <translation>Teaser 1</translation>
    </message>
    <message>
      <source>Teaser 2</source>
      <translation>Teaser 2</translation>
    </message>
    <message>
      <source>Teaser 3</source>
      <translation>Teaser 3</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Headline</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Deck</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Photo credit</source>
      <translation>Photo credit</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Dateline</translation>
    </message>
    <message>
      <source>Body text</source>
      <translation>Body text</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Pull quote</translation>
    </message>
    <message>
      <source>Tagline</source>
      <translation>Tagline</translation>
    </message>
    <message>
      <source>Credits</source>
      <translation>Credits</translation>
    </message>
    <message>
      <source>Folio</source>
      <translation>Folio</translation>
    </message>
    <message>
      <source>Story</source>
      <translation>Story</translation>
    </message>
  </context>
  <context>
    <name>StartScreen</name>
    <message>
      <source>&amp;New Edition</source>
      <translation>&amp;New Edition</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>Open S&amp;hared Edition…</source>
      <translation>Open S&amp;hared Edition…</translation>
    </message>
    <message>
      <source>Recent editions</source>
      <translation>Recent editions</translation>
    </message>
    <message>
      <source>No edition opened recently.</source>
      <translation>No edition opened recently.</translation>
    </message>
    <message>
      <source>Page layout for the print edition of Kupang Times · version %1</source>
      <translation>Page layout for the print edition of Kupang Times · version %1</translation>
    </message>
  </context>
  <context>
    <name>StoryEditor</name>
    <message>
      <source>Paragraph style:</source>
      <translation>Paragraph style:</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Fit</translation>
    </message>
    <message>
      <source>Fit the story to its page within the template's limits (one undo step); what is left is offered as a choice</source>
      <translation>Fit the story to its page within the template's limits (one undo step); what is left is offered as a choice</translation>
    </message>
    <message>
      <source>No story: select a text frame</source>
      <translation>No story: select a text frame</translation>
    </message>
    <message>
      <source>No story body to fit on this page</source>
      <translation>No story body to fit on this page</translation>
    </message>
    <message>
      <source>The story fits</source>
      <translation>The story fits</translation>
    </message>
    <message>
      <source>%1 (%2 words)</source>
      <translation>%1 (%2 words)</translation>
    </message>
    <message>
      <source>Overset: %1 lines (%2 words) do not fit below the red line</source>
      <translation>Overset: %1 lines (%2 words) do not fit below the red line</translation>
    </message>
  </context>
  <context>
    <name>StyleEditor</name>
    <message>
      <source>Font family</source>
      <translation>Font family</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Face</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Leading</source>
      <translation>Leading</translation>
    </message>
    <message>
      <source>Alignment</source>
      <translation>Alignment</translation>
    </message>
    <message>
      <source>First-line indent</source>
      <translation>First-line indent</translation>
    </message>
    <message>
      <source>Left indent</source>
      <translation>Left indent</translation>
    </message>
    <message>
      <source>Right indent</source>
      <translation>Right indent</translation>
    </message>
    <message>
      <source>Space before</source>
      <translation>Space before</translation>
    </message>
    <message>
      <source>Space after</source>
      <translation>Space after</translation>
    </message>
    <message>
      <source>Hyphenate</source>
      <translation>Hyphenate</translation>
    </message>
    <message>
      <source>Letters before a hyphen at least</source>
      <translation>Letters before a hyphen at least</translation>
    </message>
    <message>
      <source>Letters after a hyphen at least</source>
      <translation>Letters after a hyphen at least</translation>
    </message>
    <message>
      <source>Hyphens in a row at most</source>
      <translation>Hyphens in a row at most</translation>
    </message>
    <message>
      <source>Keep with next paragraph</source>
      <translation>Keep with next paragraph</translation>
    </message>
    <message>
      <source>Keep lines together</source>
      <translation>Keep lines together</translation>
    </message>
    <message>
      <source>Drop cap lines</source>
      <translation>Drop cap lines</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Colour</translation>
    </message>
    <message>
      <source>All caps</source>
      <translation>All caps</translation>
    </message>
    <message>
      <source>Inherit this value</source>
      <translation>Inherit this value</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Paragraph Style</source>
      <translation>Paragraph Style</translation>
    </message>
    <message>
      <source>Character Style</source>
      <translation>Character Style</translation>
    </message>
    <message>
      <source>[No style]</source>
      <translation>[No style]</translation>
    </message>
    <message>
      <source>A style named %1 exists already.</source>
      <translation>A style named %1 exists already.</translation>
    </message>
    <message>
      <source>The style needs a name.</source>
      <translation>The style needs a name.</translation>
    </message>
    <message>
      <source>%1 is a house style: it keeps its name.</source>
      <translation>%1 is a house style: it keeps its name.</translation>
    </message>
    <message>
      <source>%1 cannot be based on a style based on it.</source>
      <translation>%1 cannot be based on a style based on it.</translation>
    </message>
    <message>
      <source>The style cannot be saved: %1</source>
      <translation>The style cannot be saved: %1</translation>
    </message>
    <message>
      <source>New Style</source>
      <translation>New Style</translation>
    </message>
    <message>
      <source>A house style keeps its name</source>
      <translation>A house style keeps its name</translation>
    </message>
    <message>
      <source>Based on</source>
      <translation>Based on</translation>
    </message>
    <message>
      <source>the paragraph style</source>
      <translation>the paragraph style</translation>
    </message>
    <message>
      <source>the house defaults</source>
      <translation>the house defaults</translation>
    </message>
    <message>
      <source>Inherited from %1</source>
      <translation>Inherited from %1</translation>
    </message>
    <message>
      <source>Justified</source>
      <translation>Justified</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Left</translation>
    </message>
    <message>
      <source>Right</source>
      <translation>Right</translation>
    </message>
    <message>
      <source>Centred</source>
      <translation>Centred</translation>
    </message>
    <message>
      <source>Regular</source>
      <translation>Regular</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Italic</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>Bold</translation>
    </message>
    <message>
      <source>Bold Italic</source>
      <translation>Bold Italic</translation>
    </message>
  </context>
  <context>
    <name>StyleJustification</name>
    <message>
      <source>Hanging punctuation (optical margin alignment)</source>
      <translation>Hanging punctuation (optical margin alignment)</translation>
    </message>
    <message>
      <source>Word spacing, minimum</source>
      <translation>Word spacing, minimum</translation>
    </message>
    <message>
      <source>Word spacing, desired</source>
      <translation>Word spacing, desired</translation>
    </message>
    <message>
      <source>Word spacing, maximum</source>
      <translation>Word spacing, maximum</translation>
    </message>
    <message>
      <source>Letter spacing, minimum</source>
      <translation>Letter spacing, minimum</translation>
    </message>
    <message>
      <source>Letter spacing, maximum</source>
      <translation>Letter spacing, maximum</translation>
    </message>
    <message>
      <source>Glyph scaling, minimum</source>
      <translation>Glyph scaling, minimum</translation>
    </message>
    <message>
      <source>Glyph scaling, maximum</source>
      <translation>Glyph scaling, maximum</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>Justification</translation>
    </message>
    <message>
      <source>Inherit this value</source>
      <translation>Inherit this value</translation>
    </message>
    <message>
      <source>the house defaults</source>
      <translation>the house defaults</translation>
    </message>
    <message>
      <source>Inherited from %1</source>
      <translation>Inherited from %1</translation>
    </message>
  </context>
  <context>
    <name>StyleName</name>
    <message>
      <source>Body</source>
      <translation>Body</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Lead</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Quote</translation>
    </message>
    <message>
      <source>Attribution</source>
      <translation>Attribution</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Headline</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Deck</translation>
    </message>
    <message>
      <source>Pull Quote</source>
      <translation>Pull Quote</translation>
    </message>
    <message>
      <source>Pull Quote Attribution</source>
      <translation>Pull Quote Attribution</translation>
    </message>
    <message>
      <source>Photo Credit</source>
      <translation>Photo Credit</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>Tagline</source>
      <translation>Tagline</translation>
    </message>
    <message>
      <source>Credits</source>
      <translation>Credits</translation>
    </message>
    <message>
      <source>Folio</source>
      <translation>Folio</translation>
    </message>
    <message>
      <source>Masthead</source>
      <translation>Masthead</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Teaser</translation>
    </message>
    <message>
      <source>Teaser Headline</source>
      <translation>Teaser Headline</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Dateline</translation>
    </message>
    <message>
      <source>Emphasis</source>
      <translation>Emphasis</translation>
    </message>
    <message>
      <source>Strong</source>
      <translation>Strong</translation>
    </message>
    <message>
      <source>Credit Label</source>
      <translation>Credit Label</translation>
    </message>
  </context>
  <context>
    <name>StylesPanel</name>
    <message>
      <source>paragraphs</source>
      <translation>paragraphs</translation>
    </message>
    <message>
      <source>pieces of text</source>
      <translation>pieces of text</translation>
    </message>
    <message>
      <source>Delete Style</source>
      <translation>Delete Style</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Styles</source>
      <translation>Styles</translation>
    </message>
    <message>
      <source>copy</source>
      <translation>copy</translation>
    </message>
    <message>
      <source>[No character style]</source>
      <translation>[No character style]</translation>
    </message>
    <message>
      <source>%1 is a house style: it can be edited, not deleted</source>
      <translation>%1 is a house style: it can be edited, not deleted</translation>
    </message>
    <message>
      <source>Delete %1? %2 %3 use it. Replace it with:</source>
      <translation>Delete %1? %2 %3 use it. Replace it with:</translation>
    </message>
    <message>
      <source>Font</source>
      <translation>Font</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Face</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Leading</source>
      <translation>Leading</translation>
    </message>
    <message>
      <source>Alignment</source>
      <translation>Alignment</translation>
    </message>
    <message>
      <source>First-line indent</source>
      <translation>First-line indent</translation>
    </message>
    <message>
      <source>Left indent</source>
      <translation>Left indent</translation>
    </message>
    <message>
      <source>Right indent</source>
      <translation>Right indent</translation>
    </message>
    <message>
      <source>Space before</source>
      <translation>Space before</translation>
    </message>
    <message>
      <source>Space after</source>
      <translation>Space after</translation>
    </message>
    <message>
      <source>Hyphenate</source>
      <translation>Hyphenate</translation>
    </message>
    <message>
      <source>Keep with next</source>
      <translation>Keep with next</translation>
    </message>
    <message>
      <source>Keep lines together</source>
      <translation>Keep lines together</translation>
    </message>
    <message>
      <source>Drop cap lines</source>
      <translation>Drop cap lines</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Colour</translation>
    </message>
    <message>
      <source>Tracking</source>
      <translation>Tracking</translation>
    </message>
    <message>
      <source>All caps</source>
      <translation>All caps</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>Paragraph styles</source>
      <translation>Paragraph styles</translation>
    </message>
    <message>
      <source>Character styles</source>
      <translation>Character styles</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>New…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Delete…</translation>
    </message>
    <message>
      <source>default</source>
      <translation>default</translation>
    </message>
    <message>
      <source>Sets nothing: the text keeps its paragraph style</source>
      <translation>Sets nothing: the text keeps its paragraph style</translation>
    </message>
    <message>
      <source>Stored name: %1</source>
      <translation>Stored name: %1</translation>
    </message>
    <message>
      <source>Based on: %1</source>
      <translation>Based on: %1</translation>
    </message>
  </context>
  <context>
    <name>SwatchName</name>
    <message>
      <source>Black</source>
      <translation>Black</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Paper</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>Registration</translation>
    </message>
    <message>
      <source>KT Red</source>
      <translation>KT Red</translation>
    </message>
    <message>
      <source>KT Blue</source>
      <translation>KT Blue</translation>
    </message>
    <message>
      <source>Grey 20</source>
      <translation>Grey 20</translation>
    </message>
    <message>
      <source>Grey 50</source>
      <translation>Grey 50</translation>
    </message>
    <message>
      <source>Banner Yellow</source>
      <translation>Banner Yellow</translation>
    </message>
  </context>
  <context>
    <name>TemplateGallery</name>
    <message>
      <source>Save Page as Template</source>
      <translation>Save Page as Template</translation>
    </message>
    <message>
      <source>e.g. Hutan, one story with a wide photo</source>
      <translation>e.g. Hutan, one story with a wide photo</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>Description:</translation>
    </message>
    <message>
      <source>Give the template a name.</source>
      <translation>Give the template a name.</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>Templates</translation>
    </message>
    <message>
      <source>New Page from Template</source>
      <translation>New Page from Template</translation>
    </message>
    <message>
      <source>Apply to Current Page</source>
      <translation>Apply to Current Page</translation>
    </message>
    <message>
      <source>Save Current Page as Template…</source>
      <translation>Save Current Page as Template…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Rename…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Import…</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>built-in</source>
      <translation>built-in</translation>
    </message>
    <message>
      <source>yours</source>
      <translation>yours</translation>
    </message>
    <message>
      <source>Import Template</source>
      <translation>Import Template</translation>
    </message>
    <message>
      <source>Export Template</source>
      <translation>Export Template</translation>
    </message>
    <message>
      <source>Rename Template</source>
      <translation>Rename Template</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>New name:</translation>
    </message>
    <message>
      <source>Template %1 applied to page %2.</source>
      <translation>Template %1 applied to page %2.</translation>
    </message>
    <message>
      <source>Size: %1</source>
      <translation>Size: %1</translation>
    </message>
    <message>
      <source>Columns: %1</source>
      <translation>Columns: %1</translation>
    </message>
    <message>
      <source>Slot groups: %1</source>
      <translation>Slot groups: %1</translation>
    </message>
    <message>
      <source>Source: %1</source>
      <translation>Source: %1</translation>
    </message>
    <message>
      <source>Template %1 saved</source>
      <translation>Template %1 saved</translation>
    </message>
    <message>
      <source>%1 is a built-in template; choose another name.</source>
      <translation>%1 is a built-in template; choose another name.</translation>
    </message>
    <message>
      <source>%1 pieces found no slot and wait on the pasteboard left of the page.</source>
      <translation>%1 pieces found no slot and wait on the pasteboard left of the page.</translation>
    </message>
    <message>
      <source>Delete the template %1?</source>
      <translation>Delete the template %1?</translation>
    </message>
    <message>
      <source>You have a template called %1 already; choose another name.</source>
      <translation>You have a template called %1 already; choose another name.</translation>
    </message>
    <message>
      <source>Page %1 added from template %2</source>
      <translation>Page %1 added from template %2</translation>
    </message>
    <message>
      <source>%1
Import under another name:</source>
      <translation>%1
Import under another name:</translation>
    </message>
    <message>
      <source>Template %1 exported to %2</source>
      <translation>Template %1 exported to %2</translation>
    </message>
  </context>
  <context>
    <name>UndoLabel</name>
    <message>
      <source>Move Frame</source>
      <translation>Move Frame</translation>
    </message>
    <message>
      <source>Resize Frame</source>
      <translation>Resize Frame</translation>
    </message>
    <message>
      <source>Crop Image</source>
      <translation>Crop Image</translation>
    </message>
    <message>
      <source>Add Frame</source>
      <translation>Add Frame</translation>
    </message>
    <message>
      <source>Delete Frame</source>
      <translation>Delete Frame</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Duplicate</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>Paste</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Place Image</source>
      <translation>Place Image</translation>
    </message>
    <message>
      <source>Place Photos</source>
      <translation>Place Photos</translation>
    </message>
    <message>
      <source>Add Picture</source>
      <translation>Add Picture</translation>
    </message>
    <message>
      <source>Arrange</source>
      <translation>Arrange</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>Lock</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>Thread Frames</source>
      <translation>Thread Frames</translation>
    </message>
    <message>
      <source>Unthread Frames</source>
      <translation>Unthread Frames</translation>
    </message>
    <message>
      <source>Frame Properties</source>
      <translation>Frame Properties</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Edit</translation>
    </message>
    <message>
      <source>Edit Text</source>
      <translation>Edit Text</translation>
    </message>
    <message>
      <source>Typing</source>
      <translation>Typing</translation>
    </message>
    <message>
      <source>Replace Text</source>
      <translation>Replace Text</translation>
    </message>
    <message>
      <source>New Paragraph</source>
      <translation>New Paragraph</translation>
    </message>
    <message>
      <source>Delete Paragraph</source>
      <translation>Delete Paragraph</translation>
    </message>
    <message>
      <source>Add Story</source>
      <translation>Add Story</translation>
    </message>
    <message>
      <source>Paragraph Style</source>
      <translation>Paragraph Style</translation>
    </message>
    <message>
      <source>Character Style</source>
      <translation>Character Style</translation>
    </message>
    <message>
      <source>Edit Style</source>
      <translation>Edit Style</translation>
    </message>
    <message>
      <source>Rename Style</source>
      <translation>Rename Style</translation>
    </message>
    <message>
      <source>Duplicate Style</source>
      <translation>Duplicate Style</translation>
    </message>
    <message>
      <source>Delete Style</source>
      <translation>Delete Style</translation>
    </message>
    <message>
      <source>Edit Swatch</source>
      <translation>Edit Swatch</translation>
    </message>
    <message>
      <source>Add Page</source>
      <translation>Add Page</translation>
    </message>
    <message>
      <source>Delete Page</source>
      <translation>Delete Page</translation>
    </message>
    <message>
      <source>Duplicate Page</source>
      <translation>Duplicate Page</translation>
    </message>
    <message>
      <source>Move Page</source>
      <translation>Move Page</translation>
    </message>
    <message>
      <source>Renumber Pages</source>
      <translation>Renumber Pages</translation>
    </message>
    <message>
      <source>Page Setup</source>
      <translation>Page Setup</translation>
    </message>
    <message>
      <source>Apply Template</source>
      <translation>Apply Template</translation>
    </message>
    <message>
      <source>Edition Settings</source>
      <translation>Edition Settings</translation>
    </message>
    <message>
      <source>Plan Page</source>
      <translation>Plan Page</translation>
    </message>
    <message>
      <source>Plan Pages</source>
      <translation>Plan Pages</translation>
    </message>
    <message>
      <source>Book Ad</source>
      <translation>Book Ad</translation>
    </message>
    <message>
      <source>Cancel Ad</source>
      <translation>Cancel Ad</translation>
    </message>
    <message>
      <source>Place Ad</source>
      <translation>Place Ad</translation>
    </message>
    <message>
      <source>Import Manuscript</source>
      <translation>Import Manuscript</translation>
    </message>
    <message>
      <source>Copyfit</source>
      <translation>Copyfit</translation>
    </message>
    <message>
      <source>Delete Guides</source>
      <translation>Delete Guides</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>&amp;Undo %1</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>&amp;Redo %1</translation>
    </message>
  </context>
</TS>
