<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;New Edition</source>
      <translation>&amp;Edisi Baru</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Buka…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Simpan</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Simpan Seb&amp;agai…</translation>
    </message>
    <message>
      <source>&amp;Place Image…</source>
      <translation>&amp;Tempatkan Gambar…</translation>
    </message>
    <message>
      <source>Export Page as &amp;PNG…</source>
      <translation>Ekspor Halaman sebagai &amp;PNG…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Keluar</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Urungkan</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>U&amp;langi</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Hapus</translation>
    </message>
    <message>
      <source>D&amp;uplicate</source>
      <translation>&amp;Gandakan</translation>
    </message>
    <message>
      <source>Select &amp;All</source>
      <translation>Pilih &amp;Semua</translation>
    </message>
    <message>
      <source>Dese&amp;lect All</source>
      <translation>&amp;Batalkan Pilihan</translation>
    </message>
    <message>
      <source>Zoom &amp;In</source>
      <translation>&amp;Perbesar</translation>
    </message>
    <message>
      <source>Zoom &amp;Out</source>
      <translation>Per&amp;kecil</translation>
    </message>
    <message>
      <source>&amp;Fit Page in Window</source>
      <translation>&amp;Halaman Pas di Jendela</translation>
    </message>
    <message>
      <source>&amp;Actual Size</source>
      <translation>&amp;Ukuran Sebenarnya</translation>
    </message>
    <message>
      <source>Show &amp;Bleed</source>
      <translation>Tampilkan &amp;Bleed</translation>
    </message>
    <message>
      <source>Show &amp;Margins</source>
      <translation>Tampilkan &amp;Margin</translation>
    </message>
    <message>
      <source>Show &amp;Columns</source>
      <translation>Tampilkan &amp;Kolom</translation>
    </message>
    <message>
      <source>Show Baseline &amp;Grid</source>
      <translation>Tampilkan &amp;Kisi Garis Dasar</translation>
    </message>
    <message>
      <source>Show G&amp;uides</source>
      <translation>Tampilkan &amp;Garis Bantu</translation>
    </message>
    <message>
      <source>Show &amp;Frame Edges</source>
      <translation>Tampilkan &amp;Tepi Bingkai</translation>
    </message>
    <message>
      <source>&amp;Snap</source>
      <translation>&amp;Jepret</translation>
    </message>
    <message>
      <source>&amp;Proof Colours (Newsprint)</source>
      <translation>Warna &amp;Proof (Kertas Koran)</translation>
    </message>
    <message>
      <source>P&amp;roperties Panel</source>
      <translation>Panel &amp;Properti</translation>
    </message>
    <message>
      <source>Story &amp;Editor Panel</source>
      <translation>Panel &amp;Penyunting Berita</translation>
    </message>
    <message>
      <source>&amp;Previous Page</source>
      <translation>Halaman &amp;Sebelumnya</translation>
    </message>
    <message>
      <source>&amp;Next Page</source>
      <translation>Halaman Beri&amp;kutnya</translation>
    </message>
    <message>
      <source>&amp;Add Page</source>
      <translation>&amp;Tambah Halaman</translation>
    </message>
    <message>
      <source>&amp;Delete Page</source>
      <translation>&amp;Hapus Halaman</translation>
    </message>
    <message>
      <source>Bring &amp;Forward</source>
      <translation>Bawa ke &amp;Depan Satu Tingkat</translation>
    </message>
    <message>
      <source>Send &amp;Backward</source>
      <translation>Kirim ke &amp;Belakang Satu Tingkat</translation>
    </message>
    <message>
      <source>Bring to F&amp;ront</source>
      <translation>Bawa ke Paling De&amp;pan</translation>
    </message>
    <message>
      <source>Send to Bac&amp;k</source>
      <translation>Kirim ke Paling Bela&amp;kang</translation>
    </message>
    <message>
      <source>&amp;Lock</source>
      <translation>&amp;Kunci</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>&amp;Buka Kunci</translation>
    </message>
    <message>
      <source>Edit in &amp;Story Editor</source>
      <translation>Sunting di &amp;Penyunting Berita</translation>
    </message>
    <message>
      <source>Edit &amp;Headline in Place</source>
      <translation>Sunting &amp;Judul di Tempat</translation>
    </message>
    <message>
      <source>&amp;Unlink Frame from Next</source>
      <translation>&amp;Putuskan Tautan ke Bingkai Berikutnya</translation>
    </message>
    <message>
      <source>&amp;About Kupang Layout</source>
      <translation>&amp;Tentang Kupang Layout</translation>
    </message>
    <message>
      <source>Select / Move (V)</source>
      <translation>Pilih / Pindahkan (V)</translation>
    </message>
    <message>
      <source>Text Frame (T)</source>
      <translation>Bingkai Teks (T)</translation>
    </message>
    <message>
      <source>Image Frame (F)</source>
      <translation>Bingkai Gambar (F)</translation>
    </message>
    <message>
      <source>Rule (L)</source>
      <translation>Garis (L)</translation>
    </message>
    <message>
      <source>Box (M)</source>
      <translation>Kotak (M)</translation>
    </message>
    <message>
      <source>Hand (H, or hold Space)</source>
      <translation>Tangan (H, atau tahan Spasi)</translation>
    </message>
    <message>
      <source>Zoom (Z)</source>
      <translation>Zoom (Z)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Berkas</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Sunting</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Tampilan</translation>
    </message>
    <message>
      <source>&amp;Page</source>
      <translation>&amp;Halaman</translation>
    </message>
    <message>
      <source>&amp;Object</source>
      <translation>&amp;Objek</translation>
    </message>
    <message>
      <source>&amp;Text</source>
      <translation>Te&amp;ks</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Ban&amp;tuan</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>B&amp;ahasa</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>Properti</translation>
    </message>
    <message>
      <source>Story Editor</source>
      <translation>Penyunting Berita</translation>
    </message>
    <message>
      <source>Tools</source>
      <translation>Alat</translation>
    </message>
    <message>
      <source>Untitled</source>
      <translation>Tanpa judul</translation>
    </message>
    <message>
      <source>About Kupang Layout</source>
      <translation>Tentang Kupang Layout</translation>
    </message>
    <message>
      <source>The edition has unsaved changes. Save them?</source>
      <translation>Edisi ini memiliki perubahan yang belum disimpan. Simpan sekarang?</translation>
    </message>
    <message>
      <source>No selection</source>
      <translation>Tidak ada pilihan</translation>
    </message>
    <message>
      <source>Click a text frame to thread the story into it (Esc cancels)</source>
      <translation>Klik bingkai teks untuk menyambungkan berita ke dalamnya (Esc membatalkan)</translation>
    </message>
    <message>
      <source>page %1 of %2</source>
      <translation>halaman %1 dari %2</translation>
    </message>
    <message>
      <source>Zoom: %1 %</source>
      <translation>Zoom: %1 %</translation>
    </message>
    <message>
      <source>Kupang Layout %1
Page layout for the print edition of Kupang Times.</source>
      <translation>Kupang Layout %1
Tata letak halaman untuk edisi cetak Kupang Times.</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>Gambar (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Save Edition</source>
      <translation>Simpan Edisi</translation>
    </message>
    <message>
      <source>Place Image</source>
      <translation>Tempatkan Gambar</translation>
    </message>
    <message>
      <source>Export Page as PNG</source>
      <translation>Ekspor Halaman sebagai PNG</translation>
    </message>
    <message>
      <source>Open Edition</source>
      <translation>Buka Edisi</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>Tersimpan: %1</translation>
    </message>
  </context>
  <context>
    <name>Properties</name>
    <message>
      <source>Fill frame</source>
      <translation>Penuhi bingkai</translation>
    </message>
    <message>
      <source>Fit inside</source>
      <translation>Muat di dalam</translation>
    </message>
    <message>
      <source>Stretch</source>
      <translation>Regangkan</translation>
    </message>
    <message>
      <source>Manual</source>
      <translation>Manual</translation>
    </message>
    <message>
      <source>Position and size</source>
      <translation>Posisi dan ukuran</translation>
    </message>
    <message>
      <source>Text frame</source>
      <translation>Bingkai teks</translation>
    </message>
    <message>
      <source>Balance columns</source>
      <translation>Seimbangkan kolom</translation>
    </message>
    <message>
      <source>Image frame</source>
      <translation>Bingkai gambar</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>Garis</translation>
    </message>
    <message>
      <source>Nothing selected</source>
      <translation>Tidak ada yang dipilih</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(tidak ada)</translation>
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
      <translation>Lebar</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>Tinggi</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>Kolom</translation>
    </message>
    <message>
      <source>Gutter</source>
      <translation>Jarak antarkolom</translation>
    </message>
    <message>
      <source>Inset</source>
      <translation>Jarak dalam</translation>
    </message>
    <message>
      <source>Paragraph style</source>
      <translation>Gaya paragraf</translation>
    </message>
    <message>
      <source>Slot role</source>
      <translation>Peran slot</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Penyesuaian</translation>
    </message>
    <message>
      <source>Scale</source>
      <translation>Skala</translation>
    </message>
    <message>
      <source>Effective resolution</source>
      <translation>Resolusi efektif</translation>
    </message>
    <message>
      <source>Crop offset X</source>
      <translation>Geser potongan X</translation>
    </message>
    <message>
      <source>Crop offset Y</source>
      <translation>Geser potongan Y</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>Tebal</translation>
    </message>
    <message>
      <source>no image</source>
      <translation>tidak ada gambar</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Headline</source>
      <translation>Judul</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Subjudul</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Rubrik</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <source>Photo credit</source>
      <translation>Kredit foto</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Keterangan foto</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Tempat dan tanggal</translation>
    </message>
    <message>
      <source>Body text</source>
      <translation>Isi berita</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Kutipan</translation>
    </message>
    <message>
      <source>Tagline</source>
      <translation>Tagline</translation>
    </message>
    <message>
      <source>Credits</source>
      <translation>Kredit</translation>
    </message>
    <message>
      <source>Folio</source>
      <translation>Folio</translation>
    </message>
    <message>
      <source>Masthead</source>
      <translation>Kepala koran</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Teaser</translation>
    </message>
    <message>
      <source>Free</source>
      <translation>Bebas</translation>
    </message>
  </context>
  <context>
    <name>StoryEditor</name>
    <message>
      <source>Paragraph style:</source>
      <translation>Gaya paragraf:</translation>
    </message>
    <message>
      <source>No story: select a text frame</source>
      <translation>Tidak ada berita: pilih bingkai teks</translation>
    </message>
    <message>
      <source>Story: %1 (%2 words)</source>
      <translation>Berita: %1 (%2 kata)</translation>
    </message>
  </context>
</TS>
