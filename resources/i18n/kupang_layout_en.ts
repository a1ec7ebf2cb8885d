<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
      <source>&amp;Save</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Save &amp;As…</translation>
    </message>
    <message>
      <source>&amp;Place Image…</source>
      <translation>&amp;Place Image…</translation>
    </message>
    <message>
      <source>Export Page as &amp;PNG…</source>
      <translation>Export Page as &amp;PNG…</translation>
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
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Save Edition</source>
      <translation>Save Edition</translation>
    </message>
    <message>
      <source>Place Image</source>
      <translation>Place Image</translation>
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
      <source>Saved %1</source>
      <translation>Saved %1</translation>
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
  </context>
  <context>
    <name>StoryEditor</name>
    <message>
      <source>Paragraph style:</source>
      <translation>Paragraph style:</translation>
    </message>
    <message>
      <source>No story: select a text frame</source>
      <translation>No story: select a text frame</translation>
    </message>
    <message>
      <source>Story: %1 (%2 words)</source>
      <translation>Story: %1 (%2 words)</translation>
    </message>
  </context>
</TS>
