<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
  <context>
    <name>Autosave</name>
    <message>
      <source>Kupang Layout was not closed properly. A recovery copy of %1 (%2 pages) was made at %3.

Recover it? Recovered work is not saved to the file until you save it.</source>
      <translation>Kupang Layout tidak ditutup dengan benar. Salinan pemulihan %1 (%2 halaman) dibuat pada %3.

Pulihkan? Pekerjaan yang dipulihkan belum tersimpan ke berkas sampai Anda menyimpannya.</translation>
    </message>
    <message>
      <source>a new, never saved edition</source>
      <translation>edisi baru yang belum pernah disimpan</translation>
    </message>
    <message>
      <source>Recover Work</source>
      <translation>Pulihkan Pekerjaan</translation>
    </message>
    <message>
      <source>&amp;Recover</source>
      <translation>&amp;Pulihkan</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Buang</translation>
    </message>
    <message>
      <source>&amp;Not Now</source>
      <translation>&amp;Nanti Saja</translation>
    </message>
    <message>
      <source>Work recovered: save it to keep it.</source>
      <translation>Pekerjaan dipulihkan: simpan agar tidak hilang.</translation>
    </message>
    <message>
      <source>Recovery Copy</source>
      <translation>Salinan Pemulihan</translation>
    </message>
    <message>
      <source>Could not write the recovery copy: %1</source>
      <translation>Salinan pemulihan tidak dapat ditulis: %1</translation>
    </message>
    <message>
      <source>The recovery copy of your work cannot be written: %1

The edition is still open and nothing is lost yet. Save it now (Save As into another folder if saving fails too).</source>
      <translation>Salinan pemulihan pekerjaan Anda tidak dapat ditulis: %1

Edisi masih terbuka dan belum ada yang hilang. Simpan sekarang (dengan Simpan Sebagai ke folder lain bila penyimpanan juga gagal).</translation>
    </message>
    <message>
      <source>Recovery copy saved in %1 (the usual folder cannot be written)</source>
      <translation>Salinan pemulihan disimpan di %1 (folder biasanya tidak dapat ditulis)</translation>
    </message>
    <message>
      <source>Recovery copy saved at %1</source>
      <translation>Salinan pemulihan dibuat pukul %1</translation>
    </message>
    <message>
      <source>The recovery copy cannot be written in the usual folder (%1).

It is written to %2 instead, until the usual folder can be written again.</source>
      <translation>Salinan pemulihan tidak dapat ditulis di folder biasanya (%1).

Salinan ditulis ke %2, sampai folder biasanya dapat ditulis lagi.</translation>
    </message>
    <message>
      <source>The recovery copy cannot be read: %1

It is kept in %2.</source>
      <translation>Salinan pemulihan tidak dapat dibaca: %1

Salinan itu disimpan di %2.</translation>
    </message>
  </context>
  <context>
    <name>Boundary</name>
    <message>
      <source>Kupang Layout: Problem</source>
      <translation>Kupang Layout: Masalah</translation>
    </message>
    <message>
      <source>Save &amp;As…</source>
      <translation>Simpan &amp;Sebagai…</translation>
    </message>
  </context>
  <context>
    <name>Clipboard</name>
    <message>
      <source>Pasted without the photo (not on the clipboard): %1</source>
      <translation>Ditempel tanpa foto (tidak ada di papan klip): %1</translation>
    </message>
    <message>
      <source>The clipboard holds frames that cannot be pasted: %1</source>
      <translation>Bingkai di papan klip tidak dapat ditempel: %1</translation>
    </message>
  </context>
  <context>
    <name>Export</name>
    <message>
      <source>; ink measured by Ghostscript on every page</source>
      <translation>; tinta setiap halaman diukur dengan Ghostscript</translation>
    </message>
    <message>
      <source>Export PDF</source>
      <translation>Ekspor PDF</translation>
    </message>
    <message>
      <source>&amp;All pages</source>
      <translation>&amp;Semua halaman</translation>
    </message>
    <message>
      <source>&amp;Pages:</source>
      <translation>&amp;Halaman:</translation>
    </message>
    <message>
      <source>e.g. 1,3-5</source>
      <translation>mis. 1,3-5</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Telusuri…</translation>
    </message>
    <message>
      <source>Also make one combined &amp;proof PDF of these pages</source>
      <translation>Buat juga satu PDF &amp;proof gabungan dari halaman-halaman ini</translation>
    </message>
    <message>
      <source>Export all pages &amp;again (also the unchanged)</source>
      <translation>Ekspor &amp;ulang semua (juga yang tidak berubah)</translation>
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
      <translation>Nama berkas</translation>
    </message>
    <message>
      <source>Export in spite of the errors (a report, preflight.json, goes beside the PDFs)</source>
      <translation>Tetap ekspor walau ada galat (laporan preflight.json ditulis di samping PDF)</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Preflight</translation>
    </message>
    <message>
      <source>Pre&amp;view</source>
      <translation>&amp;Pratinjau</translation>
    </message>
    <message>
      <source>&amp;Open Folder</source>
      <translation>&amp;Buka Folder</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Ekspor</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>&amp;Hide (export goes on)</source>
      <translation>&amp;Sembunyikan (ekspor tetap berjalan)</translation>
    </message>
    <message>
      <source>Export Folder</source>
      <translation>Folder Ekspor</translation>
    </message>
    <message>
      <source>PDF/X-1a for the plant</source>
      <translation>PDF/X-1a untuk percetakan</translation>
    </message>
    <message>
      <source>proof, not PDF/X</source>
      <translation>proof, bukan PDF/X</translation>
    </message>
    <message>
      <source>, crop marks</source>
      <translation>, tanda potong</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Cancelling: the pages being written are finished…</source>
      <translation>Membatalkan: halaman yang sedang ditulis diselesaikan dulu…</translation>
    </message>
    <message>
      <source>Cancelled: the other pages were not exported.</source>
      <translation>Dibatalkan: halaman lainnya tidak diekspor.</translation>
    </message>
    <message>
      <source>Preview: %1</source>
      <translation>Pratinjau: %1</translation>
    </message>
    <message>
      <source>&amp;Current page (%1)</source>
      <translation>Halaman &amp;ini (%1)</translation>
    </message>
    <message>
      <source>Exporting %1 pages…</source>
      <translation>Mengekspor %1 halaman…</translation>
    </message>
    <message>
      <source>The export failed: %1</source>
      <translation>Ekspor gagal: %1</translation>
    </message>
    <message>
      <source>Your presets file was not read: %1</source>
      <translation>Berkas preset Anda tidak terbaca: %1</translation>
    </message>
    <message>
      <source>page %1</source>
      <translation>halaman %1</translation>
    </message>
    <message>
      <source>Not a valid pattern: %1</source>
      <translation>Pola tidak sah: %1</translation>
    </message>
    <message>
      <source>e.g. %1</source>
      <translation>mis. %1</translation>
    </message>
    <message>
      <source>An export into %1 is still running; wait for it or choose another folder.</source>
      <translation>Ekspor ke %1 masih berjalan; tunggu sampai selesai atau pilih folder lain.</translation>
    </message>
    <message>
      <source>%1 pages unchanged since the last export were kept.</source>
      <translation>%1 halaman yang tidak berubah sejak ekspor terakhir dibiarkan.</translation>
    </message>
    <message>
      <source>The PDF check found: %1</source>
      <translation>Pemeriksaan PDF menemukan: %1</translation>
    </message>
    <message>
      <source>Report: %1</source>
      <translation>Laporan: %1</translation>
    </message>
    <message>
      <source>%1 pages failed: %2</source>
      <translation>%1 halaman gagal: %2</translation>
    </message>
    <message>
      <source>%1 pages exported to %2 in %3 s</source>
      <translation>%1 halaman diekspor ke %2 dalam %3 detik</translation>
    </message>
    <message>
      <source>%1%2; images up to %3 ppi; total ink %4 %</source>
      <translation>%1%2; gambar hingga %3 ppi; total tinta %4 %</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>not checked</source>
      <translation>tidak diperiksa</translation>
    </message>
    <message>
      <source>at most %1 %, proven</source>
      <translation>paling banyak %1 %, terbukti</translation>
    </message>
    <message>
      <source>%1 %, measured by Ghostscript</source>
      <translation>%1 %, diukur dengan Ghostscript</translation>
    </message>
    <message>
      <source>Ink</source>
      <translation>Tinta</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>gagal</translation>
    </message>
    <message>
      <source>exported</source>
      <translation>diekspor</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>tidak berubah</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Ekspor</translation>
    </message>
    <message>
      <source>Cancel the export</source>
      <translation>Batalkan ekspor</translation>
    </message>
    <message>
      <source>Exporting PDF…</source>
      <translation>Mengekspor PDF…</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Peringatan</translation>
    </message>
    <message>
      <source>No export yet in this window.</source>
      <translation>Belum ada ekspor di jendela ini.</translation>
    </message>
    <message>
      <source>Cancelling the export…</source>
      <translation>Membatalkan ekspor…</translation>
    </message>
    <message>
      <source>Exporting %1 pages to %2</source>
      <translation>Mengekspor %1 halaman ke %2</translation>
    </message>
    <message>
      <source>Export %1/%2</source>
      <translation>Ekspor %1/%2</translation>
    </message>
  </context>
  <context>
    <name>FlatPlan</name>
    <message>
      <source>empty</source>
      <translation>kosong</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>dikerjakan</translation>
    </message>
    <message>
      <source>ready</source>
      <translation>siap</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>terkirim</translation>
    </message>
    <message>
      <source>changed after sending</source>
      <translation>diubah setelah dikirim</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Buka</translation>
    </message>
    <message>
      <source>Assign…</source>
      <translation>Tugaskan…</translation>
    </message>
    <message>
      <source>Template…</source>
      <translation>Templat…</translation>
    </message>
    <message>
      <source>Mark Ready</source>
      <translation>Tandai Siap</translation>
    </message>
    <message>
      <source>Renumber Pages</source>
      <translation>Nomori Ulang Halaman</translation>
    </message>
    <message>
      <source>Pages planned:</source>
      <translation>Jumlah halaman:</translation>
    </message>
    <message>
      <source>Assign Page</source>
      <translation>Tugaskan Halaman</translation>
    </message>
    <message>
      <source>Page Template</source>
      <translation>Templat Halaman</translation>
    </message>
    <message>
      <source>Assign to</source>
      <translation>Tugaskan kepada</translation>
    </message>
    <message>
      <source>Someone Else…</source>
      <translation>Orang Lain…</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Templat</translation>
    </message>
    <message>
      <source>stale lock: %1</source>
      <translation>kunci basi: %1</translation>
    </message>
    <message>
      <source>Not Ready</source>
      <translation>Batalkan Siap</translation>
    </message>
    <message>
      <source>Nobody</source>
      <translation>Tidak Ada</translation>
    </message>
    <message>
      <source>not made yet</source>
      <translation>belum dibuat</translation>
    </message>
    <message>
      <source>Who makes page %1?</source>
      <translation>Siapa yang mengerjakan halaman %1?</translation>
    </message>
    <message>
      <source>Template of page %1:</source>
      <translation>Templat halaman %1:</translation>
    </message>
    <message>
      <source>Open Page %1</source>
      <translation>Buka Halaman %1</translation>
    </message>
    <message>
      <source>%1 (%2) since %3</source>
      <translation>%1 (%2) sejak %3</translation>
    </message>
    <message>
      <source>%1 pages, %2 ready or sent</source>
      <translation>%1 halaman, %2 siap atau terkirim</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Kupang Layout Guide</source>
      <translation>Panduan Kupang Layout</translation>
    </message>
    <message>
      <source>Kupang Layout &amp;Guide (Panduan)</source>
      <translation>&amp;Panduan Kupang Layout</translation>
    </message>
    <message>
      <source>The guide could not be read: %1</source>
      <translation>Panduan tidak dapat dibaca: %1</translation>
    </message>
  </context>
  <context>
    <name>Hyphenation</name>
    <message>
      <source>empty entry</source>
      <translation>entri kosong</translation>
    </message>
    <message>
      <source>one word per line expected, got {entry}</source>
      <translation>satu kata per baris, bukan {entry}</translation>
    </message>
    <message>
      <source>unexpected character {char} in {entry}</source>
      <translation>karakter {char} tidak boleh ada di {entry}</translation>
    </message>
    <message>
      <source>hyphens must stand between letters in {entry}</source>
      <translation>tanda hubung harus berada di antara huruf pada {entry}</translation>
    </message>
    <message>
      <source>no letters in {entry}</source>
      <translation>tidak ada huruf pada {entry}</translation>
    </message>
    <message>
      <source>not UTF-8 text ({reason})</source>
      <translation>bukan teks UTF-8 ({reason})</translation>
    </message>
    <message>
      <source>cannot read file: {reason}</source>
      <translation>berkas tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
      <source>One word a line, hyphens where it may break (pe-ri-ngat-an); a word without hyphens never breaks; # starts a comment. These words override the built-in list.</source>
      <translation>Satu kata per baris, tanda hubung di tempat kata boleh dipenggal (pe-ri-ngat-an); kata tanpa tanda hubung tidak pernah dipenggal; # memulai komentar. Kata-kata ini menggantikan daftar bawaan.</translation>
    </message>
    <message>
      <source>%1 problems: fix them before saving</source>
      <translation>%1 masalah: perbaiki dulu sebelum menyimpan</translation>
    </message>
    <message>
      <source>%1 words</source>
      <translation>%1 kata</translation>
    </message>
    <message>
      <source>Line %1: %2</source>
      <translation>Baris %1: %2</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Section</source>
      <translation>Rubrik</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Judul</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Subjudul</translation>
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
      <source>Body</source>
      <translation>Isi</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Paragraf pembuka</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Kutipan</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Kutipan besar</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Cuplikan</translation>
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
      <source>Import Manuscript</source>
      <translation>Impor Naskah</translation>
    </message>
    <message>
      <source>Manuscript Imported</source>
      <translation>Naskah Diimpor</translation>
    </message>
    <message>
      <source>Apply Again</source>
      <translation>Terapkan Ulang</translation>
    </message>
    <message>
      <source>Import the manuscript again with the kinds chosen above (one undo step)</source>
      <translation>Impor naskah sekali lagi dengan jenis yang dipilih di atas (satu langkah urung)</translation>
    </message>
    <message>
      <source>Slot</source>
      <translation>Slot</translation>
    </message>
    <message>
      <source>What went in</source>
      <translation>Isinya</translation>
    </message>
    <message>
      <source>The manuscript reader was sure of every line.</source>
      <translation>Pembaca naskah yakin akan setiap baris.</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Baris</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Catatan</translation>
    </message>
    <message>
      <source>The line is</source>
      <translation>Baris ini adalah</translation>
    </message>
    <message>
      <source>Slot group to fill on page %1:</source>
      <translation>Kelompok slot yang diisi di halaman %1:</translation>
    </message>
    <message>
      <source>No slot on this page for: %1</source>
      <translation>Tidak ada slot di halaman ini untuk: %1</translation>
    </message>
    <message>
      <source>Left empty (not in the manuscript): %1</source>
      <translation>Dibiarkan kosong (tidak ada di naskah): %1</translation>
    </message>
    <message>
      <source>The manuscript has no headline: the page shows %1 until you write one.</source>
      <translation>Naskah tidak berjudul: halaman menampilkan %1 sampai Anda menulis judulnya.</translation>
    </message>
    <message>
      <source>The manuscript reader was unsure of %1 lines:</source>
      <translation>Pembaca naskah ragu akan %1 baris:</translation>
    </message>
    <message>
      <source>Page %1 has no template slots: apply a template to it first.</source>
      <translation>Halaman %1 tidak punya slot templat: terapkan templat dulu.</translation>
    </message>
    <message>
      <source>The manuscript is for edition %1, this edition is %2.</source>
      <translation>Naskah ini untuk edisi %1, edisi ini %2.</translation>
    </message>
    <message>
      <source>%1 went onto page %2, slot group “%3”.</source>
      <translation>%1 masuk ke halaman %2, kelompok slot “%3”.</translation>
    </message>
    <message>
      <source>%1 paragraphs, %2 words: </source>
      <translation>%1 paragraf, %2 kata: </translation>
    </message>
  </context>
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
      <source>Open S&amp;hared Edition…</source>
      <translation>Buka Edisi &amp;Bersama…</translation>
    </message>
    <message>
      <source>Sen&amp;d to the Printing Plant</source>
      <translation>Ki&amp;rim ke Percetakan</translation>
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
      <source>&amp;Place…</source>
      <translation>&amp;Tempatkan…</translation>
    </message>
    <message>
      <source>Export Page as &amp;PNG…</source>
      <translation>Ekspor Halaman sebagai &amp;PNG…</translation>
    </message>
    <message>
      <source>&amp;Import Manuscript…</source>
      <translation>&amp;Impor Naskah…</translation>
    </message>
    <message>
      <source>&amp;Export PDF…</source>
      <translation>&amp;Ekspor PDF…</translation>
    </message>
    <message>
      <source>Pre&amp;ferences…</source>
      <translation>Pre&amp;ferensi…</translation>
    </message>
    <message>
      <source>Pre&amp;flight Panel</source>
      <translation>Panel Pre&amp;flight</translation>
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
      <source>Cu&amp;t</source>
      <translation>Po&amp;tong</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Salin</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>T&amp;empel</translation>
    </message>
    <message>
      <source>Paste in Pl&amp;ace</source>
      <translation>Tempel di Tem&amp;pat</translation>
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
      <source>Loc&amp;k Guides</source>
      <translation>&amp;Kunci Garis Bantu</translation>
    </message>
    <message>
      <source>Delete All Guides on Pa&amp;ge</source>
      <translation>Hapus Semua Garis Bantu di &amp;Halaman</translation>
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
      <source>Pa&amp;ges Panel</source>
      <translation>Panel &amp;Halaman</translation>
    </message>
    <message>
      <source>Fla&amp;t Plan</source>
      <translation>&amp;Rencana Halaman</translation>
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
      <source>D&amp;uplicate Page</source>
      <translation>&amp;Gandakan Halaman</translation>
    </message>
    <message>
      <source>&amp;Templates…</source>
      <translation>&amp;Templat…</translation>
    </message>
    <message>
      <source>Apply Te&amp;mplate to Page…</source>
      <translation>&amp;Terapkan Templat ke Halaman…</translation>
    </message>
    <message>
      <source>&amp;Save Page as Template…</source>
      <translation>&amp;Simpan Halaman sebagai Templat…</translation>
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
      <source>&amp;Fit Story to Page</source>
      <translation>&amp;Paskan Naskah ke Halaman</translation>
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
      <source>Pages</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Buka &amp;Terakhir</translation>
    </message>
    <message>
      <source>Clear List</source>
      <translation>Kosongkan Daftar</translation>
    </message>
    <message>
      <source>Import Manuscript</source>
      <translation>Impor Naskah</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(tidak ada)</translation>
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
      <source>Photos and manuscripts (*.jpg *.jpeg *.png *.tif *.tiff *.txt)</source>
      <translation>Foto dan naskah (*.jpg *.jpeg *.png *.tif *.tiff *.txt)</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff)</source>
      <translation>Gambar (*.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Manuscripts (*.txt)</source>
      <translation>Naskah (*.txt)</translation>
    </message>
    <message>
      <source>Edition Repaired</source>
      <translation>Edisi Diperbaiki</translation>
    </message>
    <message>
      <source>Save Edition</source>
      <translation>Simpan Edisi</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Tempatkan</translation>
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
      <source>Opening %1 repaired what could not be used as it was:</source>
      <translation>Saat membuka %1, bagian yang tidak dapat dipakai apa adanya telah diperbaiki:</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>Tersimpan: %1</translation>
    </message>
  </context>
  <context>
    <name>NewEdition</name>
    <message>
      <source>New Edition</source>
      <translation>Edisi Baru</translation>
    </message>
    <message>
      <source>e.g. 612</source>
      <translation>mis. 612</translation>
    </message>
    <message>
      <source>Paper name:</source>
      <translation>Nama koran:</translation>
    </message>
    <message>
      <source>Edition number:</source>
      <translation>Nomor edisi:</translation>
    </message>
    <message>
      <source>Date:</source>
      <translation>Tanggal:</translation>
    </message>
    <message>
      <source>Number of pages:</source>
      <translation>Jumlah halaman:</translation>
    </message>
    <message>
      <source>Create</source>
      <translation>Buat</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>Templat</translation>
    </message>
    <message>
      <source>(blank page)</source>
      <translation>(halaman kosong)</translation>
    </message>
  </context>
  <context>
    <name>PagesPanel</name>
    <message>
      <source>Add</source>
      <translation>Tambah</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>Sisipkan</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Gandakan</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Template…</source>
      <translation>Templat…</translation>
    </message>
    <message>
      <source>Add a page after the current one</source>
      <translation>Tambah halaman sesudah halaman ini</translation>
    </message>
    <message>
      <source>Insert a page before the current one</source>
      <translation>Sisipkan halaman sebelum halaman ini</translation>
    </message>
    <message>
      <source>Duplicate the current page</source>
      <translation>Gandakan halaman ini</translation>
    </message>
    <message>
      <source>Delete the current page</source>
      <translation>Hapus halaman ini</translation>
    </message>
    <message>
      <source>Apply another template to the current page</source>
      <translation>Terapkan templat lain ke halaman ini</translation>
    </message>
    <message>
      <source>Drag a page to reorder; drop photos to fill photo slots, manuscripts to import</source>
      <translation>Seret halaman untuk mengubah urutan; jatuhkan foto untuk mengisi slot foto, naskah untuk diimpor</translation>
    </message>
    <message>
      <source>Blank Page</source>
      <translation>Halaman Kosong</translation>
    </message>
    <message>
      <source>Page %1</source>
      <translation>Hal. %1</translation>
    </message>
    <message>
      <source>%1 on pasteboard</source>
      <translation>%1 di luar halaman</translation>
    </message>
    <message>
      <source>Planned, not made yet: %1</source>
      <translation>Direncanakan, belum dibuat: %1</translation>
    </message>
    <message>
      <source>%1 photos found no empty photo slot: %2</source>
      <translation>%1 foto tidak mendapat slot foto kosong: %2</translation>
    </message>
  </context>
  <context>
    <name>Placeholder</name>
    <message>
      <source>headline</source>
      <translation>judul</translation>
    </message>
    <message>
      <source>deck</source>
      <translation>subjudul</translation>
    </message>
    <message>
      <source>section</source>
      <translation>rubrik</translation>
    </message>
    <message>
      <source>photo</source>
      <translation>foto</translation>
    </message>
    <message>
      <source>photo_credit</source>
      <translation>kredit foto</translation>
    </message>
    <message>
      <source>caption</source>
      <translation>keterangan foto</translation>
    </message>
    <message>
      <source>dateline</source>
      <translation>dateline</translation>
    </message>
    <message>
      <source>body</source>
      <translation>isi berita</translation>
    </message>
    <message>
      <source>pull_quote</source>
      <translation>kutipan</translation>
    </message>
    <message>
      <source>tagline</source>
      <translation>tagline</translation>
    </message>
    <message>
      <source>credits</source>
      <translation>kredit</translation>
    </message>
    <message>
      <source>folio</source>
      <translation>folio</translation>
    </message>
    <message>
      <source>masthead</source>
      <translation>kepala koran</translation>
    </message>
    <message>
      <source>teaser</source>
      <translation>tiser</translation>
    </message>
    <message>
      <source>free</source>
      <translation>bebas</translation>
    </message>
    <message>
      <source>ad</source>
      <translation>iklan</translation>
    </message>
    <message>
      <source>main photo</source>
      <translation>foto berita utama</translation>
    </message>
    <message>
      <source>second photo</source>
      <translation>foto berita kedua</translation>
    </message>
    <message>
      <source>third photo</source>
      <translation>foto berita ketiga</translation>
    </message>
    <message>
      <source>teaser1 photo</source>
      <translation>foto tiser 1</translation>
    </message>
    <message>
      <source>teaser2 photo</source>
      <translation>foto tiser 2</translation>
    </message>
    <message>
      <source>teaser3 photo</source>
      <translation>foto tiser 3</translation>
    </message>
    <message>
      <source>page photo</source>
      <translation>foto halaman</translation>
    </message>
  </context>
  <context>
    <name>Preferences</name>
    <message>
      <source>Millimetres (mm)</source>
      <translation>Milimeter (mm)</translation>
    </message>
    <message>
      <source>Centimetres (cm)</source>
      <translation>Sentimeter (cm)</translation>
    </message>
    <message>
      <source>Points (pt)</source>
      <translation>Poin (pt)</translation>
    </message>
    <message>
      <source>No presets of your own yet.</source>
      <translation>Belum ada preset buatan sendiri.</translation>
    </message>
    <message>
      <source>Insert an &amp;Example</source>
      <translation>Sisipkan &amp;Contoh</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>Preferensi</translation>
    </message>
    <message>
      <source> s</source>
      <translation> detik</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Telusuri…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Bahasa</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Satuan</translation>
    </message>
    <message>
      <source>Autosave every</source>
      <translation>Simpan otomatis setiap</translation>
    </message>
    <message>
      <source>A recovery copy is also made after pages, templates or imports change; your own file is only written when you save.</source>
      <translation>Salinan pemulihan juga dibuat setelah halaman, templat atau impor berubah; berkas Anda sendiri hanya ditulis saat Anda menyimpan.</translation>
    </message>
    <message>
      <source>Your templates folder</source>
      <translation>Folder templat Anda</translation>
    </message>
    <message>
      <source>a shared folder of the printing plant</source>
      <translation>folder bersama percetakan</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>Te&amp;lusuri…</translation>
    </message>
    <message>
      <source>Printing plant folder</source>
      <translation>Folder percetakan</translation>
    </message>
    <message>
      <source>Bold and italic from a word processor or e-mail become Strong and Emphasis</source>
      <translation>Tebal dan miring dari pengolah kata atau surel menjadi gaya Tebal dan Miring</translation>
    </message>
    <message>
      <source>Pasted text</source>
      <translation>Teks yang ditempel</translation>
    </message>
    <message>
      <source>General</source>
      <translation>Umum</translation>
    </message>
    <message>
      <source>Hyphenation</source>
      <translation>Pemenggalan</translation>
    </message>
    <message>
      <source>Export Presets</source>
      <translation>Preset Ekspor</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>&amp;Apply</source>
      <translation>&amp;Terapkan</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>The name %1 is used by a built-in preset</source>
      <translation>Nama %1 sudah dipakai preset bawaan</translation>
    </message>
    <message>
      <source>not PDF/X</source>
      <translation>bukan PDF/X</translation>
    </message>
    <message>
      <source>, crop marks</source>
      <translation>, tanda potong</translation>
    </message>
    <message>
      <source>Built-in presets (read-only):</source>
      <translation>Preset bawaan (hanya baca):</translation>
    </message>
    <message>
      <source>total ink</source>
      <translation>total tinta</translation>
    </message>
    <message>
      <source>bleed</source>
      <translation>bleed</translation>
    </message>
    <message>
      <source>Your presets (%1):</source>
      <translation>Preset Anda (%1):</translation>
    </message>
  </context>
  <context>
    <name>Preflight</name>
    <message>
      <source>No problems</source>
      <translation>Tidak ada masalah</translation>
    </message>
    <message>
      <source>Preflight</source>
      <translation>Preflight</translation>
    </message>
    <message>
      <source>1 error</source>
      <translation>1 galat</translation>
    </message>
    <message>
      <source>%1 errors</source>
      <translation>%1 galat</translation>
    </message>
    <message>
      <source>1 warning</source>
      <translation>1 peringatan</translation>
    </message>
    <message>
      <source>%1 warnings</source>
      <translation>%1 peringatan</translation>
    </message>
    <message>
      <source>1 note</source>
      <translation>1 catatan</translation>
    </message>
    <message>
      <source>%1 notes</source>
      <translation>%1 catatan</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Tingkat</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Hlm.</translation>
    </message>
    <message>
      <source>Frame</source>
      <translation>Bingkai</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Masalah</translation>
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
      <source>Keep the space</source>
      <translation>Ruang tetap</translation>
    </message>
    <message>
      <source>Close up</source>
      <translation>Rapatkan</translation>
    </message>
    <message>
      <source>Hide the frame</source>
      <translation>Sembunyikan bingkai</translation>
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
      <source>When the slot is empty</source>
      <translation>Bila slot kosong</translation>
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
    <message>
      <source>Advertisement</source>
      <translation>Iklan</translation>
    </message>
  </context>
  <context>
    <name>SendToPlant</name>
    <message>
      <source>Send to the Printing Plant</source>
      <translation>Kirim ke Percetakan</translation>
    </message>
    <message>
      <source>no page file</source>
      <translation>berkas halaman tidak ada</translation>
    </message>
    <message>
      <source>No page is marked ready.</source>
      <translation>Belum ada halaman yang ditandai siap.</translation>
    </message>
    <message>
      <source>The Printing Plant's Folder</source>
      <translation>Folder Percetakan</translation>
    </message>
    <message>
      <source>Unchanged since sent: pages %1</source>
      <translation>Tidak berubah sejak dikirim: halaman %1</translation>
    </message>
    <message>
      <source>Sent to %1:</source>
      <translation>Dikirim ke %1:</translation>
    </message>
    <message>
      <source>Page %1 held back: %2</source>
      <translation>Halaman %1 ditahan: %2</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <source>This page is read-only: someone else is working on it</source>
      <translation>Halaman ini hanya-baca: sedang dikerjakan orang lain</translation>
    </message>
  </context>
  <context>
    <name>SharedEdition</name>
    <message>
      <source>Pages of a shared edition are renumbered in one file: pack the edition, renumber it, and unpack it again when nobody is working on it.</source>
      <translation>Halaman edisi bersama dinomori ulang dalam satu berkas: kemas edisinya, nomori ulang, lalu bongkar lagi saat tidak ada yang sedang mengerjakannya.</translation>
    </message>
    <message>
      <source>opened read-only</source>
      <translation>dibuka hanya-baca</translation>
    </message>
    <message>
      <source>Take Over Page</source>
      <translation>Ambil Alih Halaman</translation>
    </message>
    <message>
      <source>Take Over</source>
      <translation>Ambil Alih</translation>
    </message>
    <message>
      <source>Open Read-Only</source>
      <translation>Buka Hanya-Baca</translation>
    </message>
    <message>
      <source>Take Over…</source>
      <translation>Ambil Alih…</translation>
    </message>
    <message>
      <source>the lock is stale (not refreshed, or its program has ended): it can be taken over</source>
      <translation>kuncinya basi (tidak diperbarui, atau programnya sudah berhenti): dapat diambil alih</translation>
    </message>
    <message>
      <source>Take it over only if %1 is not working on it any more. Work that was not saved on that computer cannot be saved over yours.</source>
      <translation>Ambil alih hanya jika %1 tidak lagi mengerjakannya. Pekerjaan yang belum disimpan di komputer itu tidak dapat menimpa pekerjaan Anda.</translation>
    </message>
    <message>
      <source>Being worked on by %1 (%2) since %3</source>
      <translation>Dikerjakan oleh %1 (%2) sejak %3</translation>
    </message>
    <message>
      <source>%1 (%2) has had this page since %3, but the lock is stale: the program that held it has ended or stopped answering.</source>
      <translation>%1 (%2) memegang halaman ini sejak %3, tetapi kuncinya basi: program yang memegangnya sudah berhenti atau tidak menjawab.</translation>
    </message>
    <message>
      <source>Flat Plan</source>
      <translation>Rencana Halaman</translation>
    </message>
    <message>
      <source>A shared edition is renumbered in one file (pack, renumber, unpack).</source>
      <translation>Edisi bersama dinomori ulang dalam satu berkas (kemas, nomori ulang, bongkar).</translation>
    </message>
    <message>
      <source>This page was taken over by another desk: it is read-only now. Your unsaved work is kept when you save.</source>
      <translation>Halaman ini diambil alih oleh meja lain: sekarang hanya-baca. Pekerjaan Anda yang belum disimpan disisihkan saat Anda menyimpan.</translation>
    </message>
    <message>
      <source>Open Shared Edition</source>
      <translation>Buka Edisi Bersama</translation>
    </message>
    <message>
      <source>Open a shared edition first (File › Open Shared Edition…).</source>
      <translation>Buka edisi bersama dulu (Berkas › Buka Edisi Bersama…).</translation>
    </message>
    <message>
      <source>This page is read-only</source>
      <translation>Halaman ini hanya-baca</translation>
    </message>
    <message>
      <source>Shared edition %1</source>
      <translation>Edisi bersama %1</translation>
    </message>
    <message>
      <source>Saved %1</source>
      <translation>%1 tersimpan</translation>
    </message>
    <message>
      <source>%1 is not a shared edition folder (it has no edition.json).</source>
      <translation>%1 bukan folder edisi bersama (tidak ada edition.json).</translation>
    </message>
    <message>
      <source>Someone else saved this page after you opened it; saving now would lose their change, so nothing was written over it.</source>
      <translation>Orang lain menyimpan halaman ini setelah Anda membukanya; menyimpan sekarang akan menghilangkan perubahan mereka, jadi tidak ada yang ditimpa.</translation>
    </message>
    <message>
      <source>Page Not Saved</source>
      <translation>Halaman Tidak Disimpan</translation>
    </message>
    <message>
      <source>Open the page again to see their version, then bring your change over.</source>
      <translation>Buka lagi halamannya untuk melihat versi mereka, lalu pindahkan perubahan Anda ke sana.</translation>
    </message>
    <message>
      <source>Your work is kept in %1.</source>
      <translation>Pekerjaan Anda disimpan di %1.</translation>
    </message>
  </context>
  <context>
    <name>SlotName</name>
    <message>
      <source>Main story</source>
      <translation>Berita utama</translation>
    </message>
    <message>
      <source>Second story</source>
      <translation>Berita kedua</translation>
    </message>
    <message>
      <source>Third story</source>
      <translation>Berita ketiga</translation>
    </message>
    <message>
      <source>Teaser 1</source>
      <translation>Tiser 1</translation>
    </message>
    <message>
      <source>Teaser 2</source>
      <translation>Tiser 2</translation>
    </message>
    <message>
      <source>Teaser 3</source>
      <translation>Tiser 3</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Halaman</translation>
    </message>
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
      <source>Photo credit</source>
      <translation>Kredit foto</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Keterangan foto</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Dateline</translation>
    </message>
    <message>
      <source>Body text</source>
      <translation>Isi berita</translation>
    </message>
    <message>
      <source>Pull quote</source>
      <translation>Kutipan sorot</translation>
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
      <source>Story</source>
      <translation>Teks</translation>
    </message>
  </context>
  <context>
    <name>StartScreen</name>
    <message>
      <source>&amp;New Edition</source>
      <translation>&amp;Edisi Baru</translation>
    </message>
    <message>
      <source>&amp;Open…</source>
      <translation>&amp;Buka…</translation>
    </message>
    <message>
      <source>Open S&amp;hared Edition…</source>
      <translation>Buka Edisi &amp;Bersama…</translation>
    </message>
    <message>
      <source>Recent editions</source>
      <translation>Edisi terakhir</translation>
    </message>
    <message>
      <source>No edition opened recently.</source>
      <translation>Belum ada edisi yang dibuka akhir-akhir ini.</translation>
    </message>
    <message>
      <source>Page layout for the print edition of Kupang Times · version %1</source>
      <translation>Tata letak halaman edisi cetak Kupang Times · versi %1</translation>
    </message>
  </context>
  <context>
    <name>StoryEditor</name>
    <message>
      <source>Paragraph style:</source>
      <translation>Gaya paragraf:</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Paskan</translation>
    </message>
    <message>
      <source>Fit the story to its page within the template's limits (one undo step); what is left is offered as a choice</source>
      <translation>Paskan naskah ke halamannya dalam batas templat (satu langkah urung); sisanya ditawarkan sebagai pilihan</translation>
    </message>
    <message>
      <source>No story: select a text frame</source>
      <translation>Tidak ada berita: pilih bingkai teks</translation>
    </message>
    <message>
      <source>No story body to fit on this page</source>
      <translation>Tidak ada isi berita untuk dipaskan di halaman ini</translation>
    </message>
    <message>
      <source>The story fits</source>
      <translation>Naskah pas</translation>
    </message>
    <message>
      <source>%1 (%2 words)</source>
      <translation>%1 (%2 kata)</translation>
    </message>
    <message>
      <source>Overset: %1 lines (%2 words) do not fit below the red line</source>
      <translation>Teks lebih: %1 baris (%2 kata) di bawah garis merah tidak muat</translation>
    </message>
  </context>
  <context>
    <name>StyleEditor</name>
    <message>
      <source>Font family</source>
      <translation>Keluarga huruf</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Gaya huruf</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukuran</translation>
    </message>
    <message>
      <source>Leading</source>
      <translation>Spasi baris</translation>
    </message>
    <message>
      <source>Alignment</source>
      <translation>Perataan</translation>
    </message>
    <message>
      <source>First-line indent</source>
      <translation>Inden baris pertama</translation>
    </message>
    <message>
      <source>Left indent</source>
      <translation>Inden kiri</translation>
    </message>
    <message>
      <source>Right indent</source>
      <translation>Inden kanan</translation>
    </message>
    <message>
      <source>Space before</source>
      <translation>Jarak sebelum</translation>
    </message>
    <message>
      <source>Space after</source>
      <translation>Jarak sesudah</translation>
    </message>
    <message>
      <source>Hyphenate</source>
      <translation>Pemenggalan kata</translation>
    </message>
    <message>
      <source>Letters before a hyphen at least</source>
      <translation>Huruf sebelum tanda hubung, minimal</translation>
    </message>
    <message>
      <source>Letters after a hyphen at least</source>
      <translation>Huruf sesudah tanda hubung, minimal</translation>
    </message>
    <message>
      <source>Hyphens in a row at most</source>
      <translation>Pemenggalan berturut-turut, maksimal</translation>
    </message>
    <message>
      <source>Keep with next paragraph</source>
      <translation>Satukan dengan paragraf berikutnya</translation>
    </message>
    <message>
      <source>Keep lines together</source>
      <translation>Satukan baris</translation>
    </message>
    <message>
      <source>Drop cap lines</source>
      <translation>Baris huruf awal besar</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Warna</translation>
    </message>
    <message>
      <source>All caps</source>
      <translation>Huruf kapital semua</translation>
    </message>
    <message>
      <source>Inherit this value</source>
      <translation>Ikuti nilai gaya induk</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Paragraph Style</source>
      <translation>Gaya Paragraf</translation>
    </message>
    <message>
      <source>Character Style</source>
      <translation>Gaya Karakter</translation>
    </message>
    <message>
      <source>[No style]</source>
      <translation>[Tanpa gaya]</translation>
    </message>
    <message>
      <source>A style named %1 exists already.</source>
      <translation>Gaya bernama %1 sudah ada.</translation>
    </message>
    <message>
      <source>The style needs a name.</source>
      <translation>Gaya perlu nama.</translation>
    </message>
    <message>
      <source>%1 is a house style: it keeps its name.</source>
      <translation>%1 adalah gaya baku: namanya tetap.</translation>
    </message>
    <message>
      <source>%1 cannot be based on a style based on it.</source>
      <translation>%1 tidak bisa berdasarkan gaya yang berdasarkan dirinya.</translation>
    </message>
    <message>
      <source>The style cannot be saved: %1</source>
      <translation>Gaya tidak bisa disimpan: %1</translation>
    </message>
    <message>
      <source>New Style</source>
      <translation>Gaya Baru</translation>
    </message>
    <message>
      <source>A house style keeps its name</source>
      <translation>Gaya baku tidak bisa diganti namanya</translation>
    </message>
    <message>
      <source>Based on</source>
      <translation>Berdasarkan</translation>
    </message>
    <message>
      <source>the paragraph style</source>
      <translation>gaya paragraf</translation>
    </message>
    <message>
      <source>the house defaults</source>
      <translation>bawaan</translation>
    </message>
    <message>
      <source>Inherited from %1</source>
      <translation>Diwarisi dari %1</translation>
    </message>
    <message>
      <source>Justified</source>
      <translation>Rata kiri-kanan</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>Rata kiri</translation>
    </message>
    <message>
      <source>Right</source>
      <translation>Rata kanan</translation>
    </message>
    <message>
      <source>Centred</source>
      <translation>Rata tengah</translation>
    </message>
    <message>
      <source>Regular</source>
      <translation>Biasa</translation>
    </message>
    <message>
      <source>Italic</source>
      <translation>Miring</translation>
    </message>
    <message>
      <source>Bold</source>
      <translation>Tebal</translation>
    </message>
    <message>
      <source>Bold Italic</source>
      <translation>Tebal Miring</translation>
    </message>
  </context>
  <context>
    <name>StyleJustification</name>
    <message>
      <source>Hanging punctuation (optical margin alignment)</source>
      <translation>Tanda baca menggantung (perataan margin optis)</translation>
    </message>
    <message>
      <source>Word spacing, minimum</source>
      <translation>Spasi kata, minimum</translation>
    </message>
    <message>
      <source>Word spacing, desired</source>
      <translation>Spasi kata, diinginkan</translation>
    </message>
    <message>
      <source>Word spacing, maximum</source>
      <translation>Spasi kata, maksimum</translation>
    </message>
    <message>
      <source>Letter spacing, minimum</source>
      <translation>Spasi huruf, minimum</translation>
    </message>
    <message>
      <source>Letter spacing, maximum</source>
      <translation>Spasi huruf, maksimum</translation>
    </message>
    <message>
      <source>Glyph scaling, minimum</source>
      <translation>Skala glif, minimum</translation>
    </message>
    <message>
      <source>Glyph scaling, maximum</source>
      <translation>Skala glif, maksimum</translation>
    </message>
    <message>
      <source>Justification</source>
      <translation>Justifikasi</translation>
    </message>
    <message>
      <source>Inherit this value</source>
      <translation>Ikuti nilai gaya induk</translation>
    </message>
    <message>
      <source>the house defaults</source>
      <translation>bawaan</translation>
    </message>
    <message>
      <source>Inherited from %1</source>
      <translation>Diwarisi dari %1</translation>
    </message>
  </context>
  <context>
    <name>StyleName</name>
    <message>
      <source>Body</source>
      <translation>Isi</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Teras</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Kutipan</translation>
    </message>
    <message>
      <source>Attribution</source>
      <translation>Atribusi</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Judul</translation>
    </message>
    <message>
      <source>Deck</source>
      <translation>Subjudul</translation>
    </message>
    <message>
      <source>Pull Quote</source>
      <translation>Kutipan Sorot</translation>
    </message>
    <message>
      <source>Pull Quote Attribution</source>
      <translation>Atribusi Kutipan Sorot</translation>
    </message>
    <message>
      <source>Photo Credit</source>
      <translation>Kredit Foto</translation>
    </message>
    <message>
      <source>Caption</source>
      <translation>Keterangan Foto</translation>
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
      <translation>Kop Koran</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Rubrik</translation>
    </message>
    <message>
      <source>Teaser</source>
      <translation>Tiser</translation>
    </message>
    <message>
      <source>Teaser Headline</source>
      <translation>Judul Tiser</translation>
    </message>
    <message>
      <source>Dateline</source>
      <translation>Dateline</translation>
    </message>
    <message>
      <source>Emphasis</source>
      <translation>Miring</translation>
    </message>
    <message>
      <source>Strong</source>
      <translation>Tebal</translation>
    </message>
    <message>
      <source>Credit Label</source>
      <translation>Label Kredit</translation>
    </message>
  </context>
  <context>
    <name>StylesPanel</name>
    <message>
      <source>paragraphs</source>
      <translation>paragraf</translation>
    </message>
    <message>
      <source>pieces of text</source>
      <translation>potongan teks</translation>
    </message>
    <message>
      <source>Delete Style</source>
      <translation>Hapus Gaya</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>Styles</source>
      <translation>Gaya</translation>
    </message>
    <message>
      <source>copy</source>
      <translation>salinan</translation>
    </message>
    <message>
      <source>[No character style]</source>
      <translation>[Tanpa gaya karakter]</translation>
    </message>
    <message>
      <source>%1 is a house style: it can be edited, not deleted</source>
      <translation>%1 adalah gaya baku: bisa diubah, tidak bisa dihapus</translation>
    </message>
    <message>
      <source>Delete %1? %2 %3 use it. Replace it with:</source>
      <translation>Hapus %1? %2 %3 memakainya. Ganti dengan:</translation>
    </message>
    <message>
      <source>Font</source>
      <translation>Huruf</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Gaya huruf</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Ukuran</translation>
    </message>
    <message>
      <source>Leading</source>
      <translation>Spasi baris</translation>
    </message>
    <message>
      <source>Alignment</source>
      <translation>Perataan</translation>
    </message>
    <message>
      <source>First-line indent</source>
      <translation>Inden baris pertama</translation>
    </message>
    <message>
      <source>Left indent</source>
      <translation>Inden kiri</translation>
    </message>
    <message>
      <source>Right indent</source>
      <translation>Inden kanan</translation>
    </message>
    <message>
      <source>Space before</source>
      <translation>Jarak sebelum</translation>
    </message>
    <message>
      <source>Space after</source>
      <translation>Jarak sesudah</translation>
    </message>
    <message>
      <source>Hyphenate</source>
      <translation>Pemenggalan kata</translation>
    </message>
    <message>
      <source>Keep with next</source>
      <translation>Satukan dengan berikutnya</translation>
    </message>
    <message>
      <source>Keep lines together</source>
      <translation>Satukan baris</translation>
    </message>
    <message>
      <source>Drop cap lines</source>
      <translation>Baris huruf awal besar</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Warna</translation>
    </message>
    <message>
      <source>Tracking</source>
      <translation>Jarak huruf</translation>
    </message>
    <message>
      <source>All caps</source>
      <translation>Huruf kapital semua</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ya</translation>
    </message>
    <message>
      <source>no</source>
      <translation>tidak</translation>
    </message>
    <message>
      <source>Paragraph styles</source>
      <translation>Gaya paragraf</translation>
    </message>
    <message>
      <source>Character styles</source>
      <translation>Gaya karakter</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Baru…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Ubah…</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Gandakan</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Hapus…</translation>
    </message>
    <message>
      <source>default</source>
      <translation>bawaan</translation>
    </message>
    <message>
      <source>Sets nothing: the text keeps its paragraph style</source>
      <translation>Tidak mengatur apa pun: teks mengikuti gaya paragrafnya</translation>
    </message>
    <message>
      <source>Stored name: %1</source>
      <translation>Nama tersimpan: %1</translation>
    </message>
    <message>
      <source>Based on: %1</source>
      <translation>Berdasarkan: %1</translation>
    </message>
  </context>
  <context>
    <name>SwatchName</name>
    <message>
      <source>Black</source>
      <translation>Hitam</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>Kertas</translation>
    </message>
    <message>
      <source>Registration</source>
      <translation>Registrasi</translation>
    </message>
    <message>
      <source>KT Red</source>
      <translation>Merah KT</translation>
    </message>
    <message>
      <source>KT Blue</source>
      <translation>Biru KT</translation>
    </message>
    <message>
      <source>Grey 20</source>
      <translation>Abu-abu 20</translation>
    </message>
    <message>
      <source>Grey 50</source>
      <translation>Abu-abu 50</translation>
    </message>
    <message>
      <source>Banner Yellow</source>
      <translation>Kuning Banner</translation>
    </message>
  </context>
  <context>
    <name>TemplateGallery</name>
    <message>
      <source>Save Page as Template</source>
      <translation>Simpan Halaman sebagai Templat</translation>
    </message>
    <message>
      <source>e.g. Hutan, one story with a wide photo</source>
      <translation>mis. Hutan, satu berita dengan foto lebar</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Nama:</translation>
    </message>
    <message>
      <source>Description:</source>
      <translation>Keterangan:</translation>
    </message>
    <message>
      <source>Give the template a name.</source>
      <translation>Beri nama templat.</translation>
    </message>
    <message>
      <source>Templates</source>
      <translation>Templat</translation>
    </message>
    <message>
      <source>New Page from Template</source>
      <translation>Halaman Baru dari Templat</translation>
    </message>
    <message>
      <source>Apply to Current Page</source>
      <translation>Terapkan ke Halaman Ini</translation>
    </message>
    <message>
      <source>Save Current Page as Template…</source>
      <translation>Simpan Halaman Ini sebagai Templat…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>Ganti Nama…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>Impor…</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Ekspor…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Tutup</translation>
    </message>
    <message>
      <source>built-in</source>
      <translation>bawaan</translation>
    </message>
    <message>
      <source>yours</source>
      <translation>milik Anda</translation>
    </message>
    <message>
      <source>Import Template</source>
      <translation>Impor Templat</translation>
    </message>
    <message>
      <source>Export Template</source>
      <translation>Ekspor Templat</translation>
    </message>
    <message>
      <source>Rename Template</source>
      <translation>Ganti Nama Templat</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>Nama baru:</translation>
    </message>
    <message>
      <source>Template %1 applied to page %2.</source>
      <translation>Templat %1 diterapkan ke halaman %2.</translation>
    </message>
    <message>
      <source>Size: %1</source>
      <translation>Ukuran: %1</translation>
    </message>
    <message>
      <source>Columns: %1</source>
      <translation>Kolom: %1</translation>
    </message>
    <message>
      <source>Slot groups: %1</source>
      <translation>Kelompok slot: %1</translation>
    </message>
    <message>
      <source>Source: %1</source>
      <translation>Sumber: %1</translation>
    </message>
    <message>
      <source>Template %1 saved</source>
      <translation>Templat %1 disimpan</translation>
    </message>
    <message>
      <source>%1 is a built-in template; choose another name.</source>
      <translation>%1 adalah templat bawaan; pilih nama lain.</translation>
    </message>
    <message>
      <source>%1 pieces found no slot and wait on the pasteboard left of the page.</source>
      <translation>%1 bagian tidak mendapat slot dan menunggu di luar halaman, di sebelah kiri.</translation>
    </message>
    <message>
      <source>Delete the template %1?</source>
      <translation>Hapus templat %1?</translation>
    </message>
    <message>
      <source>You have a template called %1 already; choose another name.</source>
      <translation>Anda sudah punya templat bernama %1; pilih nama lain.</translation>
    </message>
    <message>
      <source>Page %1 added from template %2</source>
      <translation>Halaman %1 ditambahkan dari templat %2</translation>
    </message>
    <message>
      <source>%1
Import under another name:</source>
      <translation>%1
Impor dengan nama lain:</translation>
    </message>
    <message>
      <source>Template %1 exported to %2</source>
      <translation>Templat %1 diekspor ke %2</translation>
    </message>
  </context>
  <context>
    <name>UndoLabel</name>
    <message>
      <source>Move Frame</source>
      <translation>Pindahkan bingkai</translation>
    </message>
    <message>
      <source>Resize Frame</source>
      <translation>Ubah ukuran bingkai</translation>
    </message>
    <message>
      <source>Crop Image</source>
      <translation>Potong gambar</translation>
    </message>
    <message>
      <source>Add Frame</source>
      <translation>Tambah bingkai</translation>
    </message>
    <message>
      <source>Delete Frame</source>
      <translation>Hapus bingkai</translation>
    </message>
    <message>
      <source>Duplicate</source>
      <translation>Gandakan</translation>
    </message>
    <message>
      <source>Paste</source>
      <translation>Tempel</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Tempatkan</translation>
    </message>
    <message>
      <source>Place Image</source>
      <translation>Tempatkan gambar</translation>
    </message>
    <message>
      <source>Place Photos</source>
      <translation>Tempatkan foto</translation>
    </message>
    <message>
      <source>Add Picture</source>
      <translation>Tambah gambar</translation>
    </message>
    <message>
      <source>Arrange</source>
      <translation>Atur urutan</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>Kunci</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Buka kunci</translation>
    </message>
    <message>
      <source>Thread Frames</source>
      <translation>Sambungkan bingkai</translation>
    </message>
    <message>
      <source>Unthread Frames</source>
      <translation>Putuskan sambungan bingkai</translation>
    </message>
    <message>
      <source>Frame Properties</source>
      <translation>Properti bingkai</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>Sunting</translation>
    </message>
    <message>
      <source>Edit Text</source>
      <translation>Sunting teks</translation>
    </message>
    <message>
      <source>Typing</source>
      <translation>Mengetik</translation>
    </message>
    <message>
      <source>Replace Text</source>
      <translation>Ganti teks</translation>
    </message>
    <message>
      <source>New Paragraph</source>
      <translation>Paragraf baru</translation>
    </message>
    <message>
      <source>Delete Paragraph</source>
      <translation>Hapus paragraf</translation>
    </message>
    <message>
      <source>Add Story</source>
      <translation>Tambah berita</translation>
    </message>
    <message>
      <source>Paragraph Style</source>
      <translation>Gaya paragraf</translation>
    </message>
    <message>
      <source>Character Style</source>
      <translation>Gaya karakter</translation>
    </message>
    <message>
      <source>Edit Style</source>
      <translation>Sunting gaya</translation>
    </message>
    <message>
      <source>Rename Style</source>
      <translation>Ganti nama gaya</translation>
    </message>
    <message>
      <source>Duplicate Style</source>
      <translation>Gandakan gaya</translation>
    </message>
    <message>
      <source>Delete Style</source>
      <translation>Hapus gaya</translation>
    </message>
    <message>
      <source>Edit Swatch</source>
      <translation>Sunting warna</translation>
    </message>
    <message>
      <source>Add Page</source>
      <translation>Tambah halaman</translation>
    </message>
    <message>
      <source>Delete Page</source>
      <translation>Hapus halaman</translation>
    </message>
    <message>
      <source>Duplicate Page</source>
      <translation>Gandakan halaman</translation>
    </message>
    <message>
      <source>Move Page</source>
      <translation>Pindahkan halaman</translation>
    </message>
    <message>
      <source>Renumber Pages</source>
      <translation>Nomori ulang halaman</translation>
    </message>
    <message>
      <source>Page Setup</source>
      <translation>Pengaturan halaman</translation>
    </message>
    <message>
      <source>Apply Template</source>
      <translation>Terapkan templat</translation>
    </message>
    <message>
      <source>Edition Settings</source>
      <translation>Pengaturan edisi</translation>
    </message>
    <message>
      <source>Plan Page</source>
      <translation>Rencanakan halaman</translation>
    </message>
    <message>
      <source>Plan Pages</source>
      <translation>Rencanakan halaman</translation>
    </message>
    <message>
      <source>Book Ad</source>
      <translation>Pesan iklan</translation>
    </message>
    <message>
      <source>Cancel Ad</source>
      <translation>Batalkan iklan</translation>
    </message>
    <message>
      <source>Place Ad</source>
      <translation>Tempatkan iklan</translation>
    </message>
    <message>
      <source>Import Manuscript</source>
      <translation>Impor naskah</translation>
    </message>
    <message>
      <source>Copyfit</source>
      <translation>Paskan naskah</translation>
    </message>
    <message>
      <source>Delete Guides</source>
      <translation>Hapus garis bantu</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>&amp;Urungkan %1</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>&amp;Ulangi %1</translation>
    </message>
  </context>
</TS>
