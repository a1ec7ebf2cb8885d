"""Preflight stage: the rule messages and fix hints in Indonesian and English.

Every rule id is also a message key: the tables here are keyed by rule id (the
id an `Issue` carries and the JSON report names) and registered with
`kupang_layout.i18n` under `preflight.<rule>`, `preflight.hint.<rule>`,
`preflight.role.<role>`, `preflight.edge.<edge>`, `preflight.severity.<level>`
and `preflight.ui.<name>`. `preflight/texts.py` prepares the params (numbers,
roles, edges, a picture's refusal reason) and shows them with `i18n.tr`.
"""

from __future__ import annotations

from kupang_layout.i18n import register_messages

Entry = dict[str, str]

# The document rules, then the PDF rules.
MESSAGES: dict[str, Entry] = {
    # -- document rules ------------------------------------------------------
    "overset": {
        "id": "Teks melimpah: +{lines} baris, {words} kata tidak muat di bingkai.",
        "en": "Overset text: +{lines} lines, {words} words do not fit the frame.",
    },
    "placeholder-headline": {
        "id": "Judul masih teks pengganti: {text}",
        "en": "The headline is still a placeholder: {text}",
    },
    "empty-slot": {
        "id": "Slot wajib kosong: {role}.",
        "en": "A required slot is empty: {role}.",
    },
    "empty-slot-optional": {
        "id": "Slot kosong: {role}.",
        "en": "Empty slot: {role}.",
    },
    "photo-empty": {
        "id": "Bingkai foto kosong.",
        "en": "The photo frame is empty.",
    },
    "image-empty": {
        "id": "Bingkai gambar kosong.",
        "en": "The image frame is empty.",
    },
    "asset-unknown": {
        "id": "Gambar yang dirujuk bingkai tidak terdaftar di edisi ({asset}).",
        "en": "The image the frame refers to is not in the edition ({asset}).",
    },
    "asset-missing": {
        "id": "Berkas gambar {name} tidak tersedia.",
        "en": "The image file {name} is not available.",
    },
    "image-ppi-low": {
        "id": "Resolusi gambar {name} hanya {ppi} ppi; percetakan menolak di bawah {limit} ppi.",
        "en": "Image {name} is only {ppi} ppi; the plant refuses less than {limit} ppi.",
    },
    "image-ppi-poor": {
        "id": "Resolusi gambar {name} {ppi} ppi; disarankan minimal {limit} ppi.",
        "en": "Image {name} is {ppi} ppi; {limit} ppi or more is recommended.",
    },
    "image-upscaled": {
        "id": "Gambar {name} diperbesar menjadi {scale} % dari ukuran aslinya ({dpi} dpi).",
        "en": "Image {name} is enlarged to {scale} % of its own size ({dpi} dpi).",
    },
    "image-unreadable": {
        "id": "Gambar {name} tidak dapat dicetak: {problem}.",
        "en": "Image {name} cannot be printed: {problem}.",
    },
    "image-outside": {
        "id": "Gambar {name} berada di luar bingkainya dan tidak tercetak.",
        "en": "Image {name} lies outside its frame and does not print.",
    },
    "text-trim": {
        "id": "Teks melewati garis potong sejauh {distance} mm dan akan terpotong.",
        "en": "Text crosses the trim by {distance} mm and will be cut off.",
    },
    "text-margin": {
        "id": "Teks keluar dari margin (area aman) sejauh {distance} mm.",
        "en": "Text runs {distance} mm outside the margins (the safe area).",
    },
    "text-near-trim": {
        "id": "Teks hanya {distance} mm dari garis potong (jarak aman {limit} mm).",
        "en": "Text is only {distance} mm from the trim ({limit} mm is safe).",
    },
    "bleed-gap": {
        "id": "Objek berhenti {distance} mm sebelum tepi potong {edge}.",
        "en": "The object stops {distance} mm short of the {edge} trim edge.",
    },
    "bleed-short": {
        "id": "Objek menyentuh tepi potong {edge} tetapi hanya masuk {reach} mm ke bleed; "
        "perlu {need} mm.",
        "en": "The object touches the {edge} trim edge but reaches only {reach} mm into the "
        "bleed; {need} mm is needed.",
    },
    "ink-total": {
        "id": "Warna {swatch} bertinta total {total} % (C{c} M{m} Y{y} K{k}); "
        "batas koran {limit} %.",
        "en": "Colour {swatch} carries {total} % total ink (C{c} M{m} Y{y} K{k}); "
        "the newsprint limit is {limit} %.",
    },
    "rich-black-text": {
        "id": "Teks {size} pt berwarna hitam kaya {swatch} (C{c} M{m} Y{y} K{k}); "
        "huruf kecil kabur bila register pelat bergeser.",
        "en": "{size} pt text in rich black {swatch} (C{c} M{m} Y{y} K{k}); "
        "small type blurs when the plates are out of register.",
    },
    "font-missing": {
        "id": "Font {font} bukan font bawaan program.",
        "en": "The font {font} is not bundled.",
    },
    "font-substituted": {
        "id": "Font {font} tidak ada; dipakai {used}.",
        "en": "The font {font} does not exist; {used} is used instead.",
    },
    "layout-failed": {
        "id": "Halaman tidak dapat disusun: {reason}",
        "en": "The page cannot be laid out: {reason}",
    },
    "overprint-paper": {
        "id": "Warna putih/kertas ({swatch}) diatur cetak tindih (overprint) "
        "sehingga tidak akan terlihat.",
        "en": "White/paper ({swatch}) is set to overprint and will not show.",
    },
    "overprint-colour": {
        "id": "Warna {swatch} diatur cetak tindih; semestinya hanya hitam 100 % K.",
        "en": "{swatch} is set to overprint; only 100 % K black should overprint.",
    },
    "page-number-duplicate": {
        "id": "Nomor halaman {number} juga dipakai halaman ke-{others} di edisi; "
        "salah satunya tidak akan tercetak.",
        "en": "Page number {number} is also used by the page in place {others} of the "
        "edition; one of them would not be printed.",
    },
    "frame-pasteboard": {
        "id": "Bingkai di pasteboard, di luar halaman (x {x} mm, y {y} mm); tidak akan tercetak.",
        "en": "Frame on the pasteboard, off the page (x {x} mm, y {y} mm); it will not print.",
    },
    "frame-pasteboard-text": {
        "id": "Bingkai di pasteboard (x {x} mm, y {y} mm) memuat {words} kata yang tidak "
        "tercetak di tempat lain; teks itu hilang dari cetakan.",
        "en": "Frame on the pasteboard (x {x} mm, y {y} mm) holds {words} words printed "
        "nowhere else; that text is missing from print.",
    },
    "frame-beyond-bleed": {
        "id": "Bingkai (x {x} mm, y {y} mm) melewati bleed {distance} mm di tepi {edge}; "
        "bagian di luar bleed tidak tercetak.",
        "en": "Frame (x {x} mm, y {y} mm) passes the bleed by {distance} mm at the {edge} "
        "edge; the part beyond the bleed does not print.",
    },
    # -- PDF rules (on an exported file) ---------------------------------------
    "pdf-unreadable": {
        "id": "Bukan PDF yang dapat dibaca: {reason}",
        "en": "Not a readable PDF: {reason}",
    },
    "pdf-version": {
        "id": "Versi PDF {version}; PDF/X-1a memerlukan 1.3 atau 1.4.",
        "en": "PDF version {version}; PDF/X-1a needs 1.3 or 1.4.",
    },
    "pdf-no-output-intent": {
        "id": "Tidak ada output intent GTS_PDFX.",
        "en": "No GTS_PDFX output intent.",
    },
    "pdf-output-intent-id": {
        "id": "Output intent tidak memuat OutputConditionIdentifier.",
        "en": "The output intent has no OutputConditionIdentifier.",
    },
    "pdf-output-intent-profile": {
        "id": "Profil output intent bukan profil CMYK.",
        "en": "The output intent profile is not CMYK.",
    },
    "pdf-output-intent-no-profile": {
        "id": "Output intent tidak menyertakan profil (hanya boleh untuk kondisi terdaftar).",
        "en": "The output intent embeds no profile (acceptable only for a registered condition).",
    },
    "pdf-pdfx-version": {
        "id": "GTS_PDFXVersion di Info adalah '{value}'; seharusnya PDF/X-1:2001 "
        "atau PDF/X-1a:2003.",
        "en": "Info GTS_PDFXVersion is '{value}'; expected PDF/X-1:2001 or PDF/X-1a:2003.",
    },
    "pdf-trapped": {
        "id": "Info Trapped harus /True atau /False.",
        "en": "Info Trapped must be /True or /False.",
    },
    "pdf-info-missing": {
        "id": "Info tidak memuat {key}.",
        "en": "Info lacks {key}.",
    },
    "pdf-no-id": {
        "id": "Trailer tidak memuat ID berkas.",
        "en": "The trailer lacks the file ID.",
    },
    "pdf-forms": {
        "id": "Dokumen memuat isian formulir (AcroForm).",
        "en": "The document has form fields (AcroForm).",
    },
    "pdf-javascript": {
        "id": "Dokumen memuat JavaScript.",
        "en": "The document has JavaScript.",
    },
    "pdf-open-action": {
        "id": "Dokumen memuat OpenAction.",
        "en": "The document has an OpenAction.",
    },
    "pdf-annotations": {
        "id": "Halaman memuat {count} anotasi.",
        "en": "The page has {count} annotation(s).",
    },
    "pdf-no-trimbox": {
        "id": "Halaman tidak punya TrimBox.",
        "en": "The page has no TrimBox.",
    },
    "pdf-no-bleedbox": {
        "id": "Halaman tidak punya BleedBox.",
        "en": "The page has no BleedBox.",
    },
    "pdf-bleed-small": {
        "id": "Bleed hanya {bleed} mm; percetakan memerlukan {need} mm di setiap sisi.",
        "en": "The bleed is {bleed} mm; the plant needs {need} mm on every side.",
    },
    "pdf-bleed-outside-media": {
        "id": "BleedBox keluar dari MediaBox.",
        "en": "The BleedBox lies outside the MediaBox.",
    },
    "pdf-trim-size": {
        "id": "Ukuran potong {width} × {height} mm, padahal halaman edisi "
        "{expected_width} × {expected_height} mm.",
        "en": "The trim is {width} × {height} mm but the edition's page is "
        "{expected_width} × {expected_height} mm.",
    },
    "pdf-font-not-embedded": {
        "id": "Font {font} tidak disematkan.",
        "en": "The font {font} is not embedded.",
    },
    "pdf-font-type3": {
        "id": "Font Type 3: {font}.",
        "en": "Type 3 font: {font}.",
    },
    "pdf-colour-space": {
        "id": "Ruang warna {name} adalah {family}; hanya CMYK, abu-abu atau warna spot yang boleh.",
        "en": "Colour space {name} is {family}; only CMYK, grey or spot colour is allowed.",
    },
    "pdf-spot-alternate": {
        "id": "Warna spot {name} memakai ruang alternatif RGB/Lab.",
        "en": "Spot colour {name} has an RGB/Lab alternate space.",
    },
    "pdf-rgb-operator": {
        "id": "Warna RGB dipakai langsung ({operator}, {count}×).",
        "en": "RGB colour is set directly ({operator}, {count}×).",
    },
    "pdf-transparency": {
        "id": "Transparansi di graphics state {name}.",
        "en": "Transparency in graphics state {name}.",
    },
    "pdf-soft-mask": {
        "id": "Gambar {name} memakai soft mask (transparansi).",
        "en": "Image {name} has a soft mask (transparency).",
    },
    "pdf-transparency-group": {
        "id": "Form {name} adalah grup transparansi.",
        "en": "Form {name} is a transparency group.",
    },
    "pdf-lzw": {
        "id": "Gambar {name} dikompresi LZW.",
        "en": "Image {name} uses LZW compression.",
    },
    "pdf-image-colour": {
        "id": "Gambar {name} dalam ruang warna {family}.",
        "en": "Image {name} is in {family}.",
    },
    "pdf-image-ppi-low": {
        "id": "Gambar {name} {ppi} ppi; percetakan menolak di bawah {limit} ppi.",
        "en": "Image {name} is {ppi} ppi; the plant refuses less than {limit} ppi.",
    },
    "pdf-image-ppi-poor": {
        "id": "Gambar {name} {ppi} ppi; disarankan minimal {limit} ppi.",
        "en": "Image {name} is {ppi} ppi; {limit} ppi or more is recommended.",
    },
    "pdf-ink": {
        "id": "Tinta total {total} % (persentil {percentile}) melebihi batas {limit} %; "
        "{share} % halaman melebihi batas.",
        "en": "Total ink {total} % (at the {percentile}th percentile) is over the {limit} % "
        "limit; {share} % of the page is over.",
    },
    "pdf-ink-unchecked": {
        "id": "Tinta total tidak diperiksa: {reason}",
        "en": "Total ink not checked: {reason}",
    },
    "pdf-render-failed": {
        "id": "Ghostscript tidak dapat merender berkas: {reason}",
        "en": "Ghostscript could not render the file: {reason}",
    },
    "pdf-black-overprint": {
        "id": "{plain} dari {total} teks hitam 100 % K tidak diatur cetak tindih.",
        "en": "{plain} of {total} 100 % K black text runs are not set to overprint.",
    },
    "pdf-no-page-match": {
        "id": "Nama berkas tidak cocok dengan halaman mana pun di edisi.",
        "en": "The file name matches no page of the edition.",
    },
    "pdf-page-missing": {
        "id": "Tidak ada PDF untuk halaman ini di folder ({expected}).",
        "en": "There is no PDF for this page in the folder ({expected}).",
    },
    # -- advertisements (doc_ads.py): every message names the advertiser and the ad --
    "ad-size": {
        "id": (
            "Iklan {advertiser} ({ad}) berukuran {width} x {height} mm, dipesan "
            "{booked_width} x {booked_height} mm (selisih lebih dari 1 mm)."
        ),
        "en": (
            "Ad {advertiser} ({ad}) is {width} x {height} mm, booked {booked_width} x "
            "{booked_height} mm (more than 1 mm off)."
        ),
    },
    "ad-scaled": {
        "id": "Iklan {advertiser} ({ad}) dicetak berskala {scale_x} % x {scale_y} %.",
        "en": "Ad {advertiser} ({ad}) is printed scaled to {scale_x} % x {scale_y} %.",
    },
    "ad-cropped": {
        "id": "Iklan {advertiser} ({ad}) terpotong bingkainya (hingga {cut} mm).",
        "en": "Ad {advertiser} ({ad}) is cropped by its frame (up to {cut} mm).",
    },
    "ad-no-file": {
        "id": "Iklan {advertiser} ({ad}) sudah dipesan tetapi berkasnya belum ada.",
        "en": "Ad {advertiser} ({ad}) is booked but its file has not arrived.",
    },
    "ad-not-placed": {
        "id": "Iklan {advertiser} ({ad}) dipesan di halaman ini tetapi belum ditempatkan.",
        "en": "Ad {advertiser} ({ad}) is booked on this page but not placed.",
    },
    "ad-unbooked": {
        "id": "Bingkai iklan {advertiser} ({ad}) tidak lagi punya pesanan di rencana halaman.",
        "en": "The ad frame of {advertiser} ({ad}) has no booking in the flat plan any more.",
    },
    "ad-colour": {
        "id": "Iklan {advertiser} ({ad}) memakai warna yang bukan CMYK: {what}.",
        "en": "Ad {advertiser} ({ad}) uses colour that is not CMYK: {what}.",
    },
    "ad-font": {
        "id": "Iklan {advertiser} ({ad}): huruf {what} tidak disematkan.",
        "en": "Ad {advertiser} ({ad}): font {what} is not embedded.",
    },
    "ad-transparency": {
        "id": "Iklan {advertiser} ({ad}) memakai transparansi ({what}); PDF/X-1a melarangnya.",
        "en": "Ad {advertiser} ({ad}) uses transparency ({what}); PDF/X-1a forbids it.",
    },
    "ad-lzw": {
        "id": "Iklan {advertiser} ({ad}) memakai kompresi LZW ({what}); percetakan menolaknya.",
        "en": "Ad {advertiser} ({ad}) uses LZW compression ({what}); the plant refuses it.",
    },
    "ad-image-ppi": {
        "id": "Gambar di dalam iklan {advertiser} ({ad}) hanya {what} ppi.",
        "en": "A picture inside ad {advertiser} ({ad}) is only {what} ppi.",
    },
    "ad-black-overprint": {
        "id": "Teks hitam di iklan {advertiser} ({ad}) tidak overprint ({what} kali).",
        "en": "Black text in ad {advertiser} ({ad}) does not overprint ({what} times).",
    },
    "ad-ink": {
        "id": "Tinta total iklan {advertiser} ({ad}) mencapai {total} %, batasnya {limit} %.",
        "en": "The total ink of ad {advertiser} ({ad}) reaches {total} %, the limit is {limit} %.",
    },
    "ad-ink-unchecked": {
        "id": "Tinta total iklan {advertiser} ({ad}) tidak dapat diperiksa: {what}",
        "en": "The total ink of ad {advertiser} ({ad}) could not be checked: {what}",
    },
    "ad-unreadable": {
        "id": "Berkas iklan {advertiser} ({ad}) tidak dapat dibaca: {what}",
        "en": "The file of ad {advertiser} ({ad}) cannot be read: {what}",
    },
    "ad-picture-rgb": {
        "id": (
            "Iklan {advertiser} ({ad}) adalah gambar {mode}; warnanya diubah ke CMYK "
            "koran saat ekspor dan dapat bergeser."
        ),
        "en": (
            "Ad {advertiser} ({ad}) is a {mode} picture; its colours are converted to "
            "newsprint CMYK on export and may shift."
        ),
    },
    # -- the bounded ink check (pdf_ink.py) --------------------------------------
    "pdf-ink-timeout": {
        "id": "Tinta total halaman {page} tidak dapat diperiksa dalam {seconds} detik.",
        "en": "The total ink of page {page} could not be checked within {seconds} s.",
    },
    "pdf-ink-page-failed": {
        "id": "Ghostscript tidak dapat merender halaman {page}: {reason}",
        "en": "Ghostscript could not render page {page}: {reason}",
    },
}

HINTS: dict[str, Entry] = {
    "overset": {
        "id": "Potong naskah, perbesar bingkai, atau sambungkan ke bingkai lain.",
        "en": "Cut the copy, enlarge the frame or thread it into another frame.",
    },
    "placeholder-headline": {
        "id": "Ketik judul berita.",
        "en": "Type the story's headline.",
    },
    "empty-slot": {
        "id": "Isi slot dari naskah atau hapus bingkainya.",
        "en": "Fill the slot from a manuscript or remove the frame.",
    },
    "empty-slot-optional": {
        "id": "Isi slot atau hapus bingkainya bila tidak dipakai.",
        "en": "Fill the slot, or remove the frame if it is not used.",
    },
    "photo-empty": {
        "id": "Tempatkan foto atau hapus bingkainya.",
        "en": "Place a photo or remove the frame.",
    },
    "image-empty": {
        "id": "Tempatkan gambar atau hapus bingkainya.",
        "en": "Place a picture or remove the frame.",
    },
    "asset-unknown": {
        "id": "Tempatkan ulang fotonya.",
        "en": "Place the photo again.",
    },
    "asset-missing": {
        "id": "Tempatkan ulang fotonya dari berkas aslinya.",
        "en": "Place the photo again from its original file.",
    },
    "image-ppi-low": {
        "id": "Perkecil gambar atau pakai berkas beresolusi lebih tinggi.",
        "en": "Make the picture smaller or use a higher-resolution file.",
    },
    "image-ppi-poor": {
        "id": "Perkecil gambar atau pakai berkas beresolusi lebih tinggi.",
        "en": "Make the picture smaller or use a higher-resolution file.",
    },
    "image-upscaled": {
        "id": "Pembesaran di atas {limit} % melunakkan gambar; pakai berkas yang lebih besar.",
        "en": "Enlarging beyond {limit} % softens the picture; use a larger file.",
    },
    "image-unreadable": {
        "id": "Tempatkan ulang foto dari salinan utuh berkas aslinya, lalu periksa lagi.",
        "en": "Place the photo again from a sound copy of its original file, then check again.",
    },
    "image-outside": {
        "id": "Atur ulang posisi gambar di bingkainya.",
        "en": "Reposition the picture in its frame.",
    },
    "text-trim": {
        "id": "Geser atau perkecil bingkai teks ke dalam margin.",
        "en": "Move or shrink the text frame inside the margins.",
    },
    "text-margin": {
        "id": "Geser atau perkecil bingkai teks ke dalam margin.",
        "en": "Move or shrink the text frame inside the margins.",
    },
    "text-near-trim": {
        "id": "Jauhkan teks dari garis potong.",
        "en": "Keep the text further from the trim.",
    },
    "bleed-gap": {
        "id": "Tarik tepinya tepat ke garis potong (lalu diperpanjang {bleed} mm ke bleed) "
        "atau jauhkan dari tepi.",
        "en": "Drag the edge onto the trim (it is then extended {bleed} mm into the bleed) "
        "or keep it clear of the edge.",
    },
    "bleed-short": {
        "id": "Atur bleed halaman menjadi {need} mm.",
        "en": "Set the page's bleed to {need} mm.",
    },
    "ink-total": {
        "id": "Turunkan nilai CMYK warna ini sampai totalnya paling banyak {limit} %.",
        "en": "Lower the swatch's CMYK values to {limit} % in total or less.",
    },
    "rich-black-text": {
        "id": "Pakai hitam 100 % K (Black) untuk teks di bawah {limit} pt.",
        "en": "Use 100 % K (Black) for text under {limit} pt.",
    },
    "font-missing": {
        "id": "Pilih font bawaan: {families}.",
        "en": "Choose a bundled font: {families}.",
    },
    "font-substituted": {
        "id": "Pilih gaya huruf yang tersedia: {faces}.",
        "en": "Choose a face the family has: {faces}.",
    },
    "overprint-paper": {
        "id": "Matikan cetak tindih pada warna ini.",
        "en": "Turn overprint off for this colour.",
    },
    "overprint-colour": {
        "id": "Matikan cetak tindih pada warna ini.",
        "en": "Turn overprint off for this colour.",
    },
    "frame-pasteboard": {
        "id": "Seret bingkai ke halaman bila harus tercetak, atau hapus bila tidak dipakai.",
        "en": "Drag the frame onto the page if it must print, or delete it if unused.",
    },
    "frame-pasteboard-text": {
        "id": "Seret bingkai ke halaman, atau alirkan teksnya ke bingkai di halaman.",
        "en": "Drag the frame onto the page, or thread its text into a frame on the page.",
    },
    "frame-beyond-bleed": {
        "id": "Geser atau perkecil bingkai sampai berada di dalam bleed.",
        "en": "Move or shrink the frame to lie within the bleed.",
    },
    "page-number-duplicate": {
        "id": "Beri setiap halaman nomor sendiri (pindahkan halaman agar diberi nomor ulang).",
        "en": "Give every page its own number (move a page to number them again).",
    },
    "pdf-image-ppi-low": {
        "id": "Periksa gambar ini di edisi sebelum ekspor ulang.",
        "en": "Fix the picture in the edition and export again.",
    },
    "pdf-ink": {
        "id": "Periksa warna dan gambar gelap di halaman ini, lalu ekspor ulang.",
        "en": "Check the swatches and dark pictures on this page, then export again.",
    },
    "pdf-page-missing": {
        "id": "Ekspor halaman ini.",
        "en": "Export this page.",
    },
    "ad-size": {
        "id": "Minta berkas iklan dengan ukuran pesanan dari bagian iklan.",
        "en": "Ask the advertising department for the ad at its booked size.",
    },
    "ad-colour": {
        "id": "Minta iklan sebagai PDF/X-1a (CMYK saja) dari bagian iklan.",
        "en": "Ask the advertising department for the ad as PDF/X-1a (CMYK only).",
    },
    "ad-font": {
        "id": "Minta iklan sebagai PDF/X-1a dengan semua huruf disematkan.",
        "en": "Ask for the ad as PDF/X-1a with every font embedded.",
    },
    "ad-transparency": {
        "id": "Minta iklan sebagai PDF/X-1a (transparansi diratakan).",
        "en": "Ask for the ad as PDF/X-1a (transparency flattened).",
    },
    "ad-ink": {
        "id": "Minta iklan yang dibuat untuk kertas koran (tinta total maksimal 240 %).",
        "en": "Ask for the ad made for newsprint (at most 240 % total ink).",
    },
    "ad-no-file": {
        "id": "Tanyakan berkasnya ke bagian iklan, lalu tempatkan di bingkai iklan.",
        "en": "Ask the advertising department for the file, then place it in the ad frame.",
    },
    "ad-unbooked": {
        "id": "Hapus bingkai iklan atau pesan ulang iklannya di rencana halaman.",
        "en": "Delete the ad frame or book the ad again in the flat plan.",
    },
    "pdf-ink-timeout": {
        "id": "Sederhanakan halaman (gambar besar, banyak objek) lalu ekspor lagi.",
        "en": "Simplify the page (large pictures, many objects) and export again.",
    },
}

ROLES: dict[str, Entry] = {
    "headline": {"id": "judul", "en": "headline"},
    "deck": {"id": "subjudul", "en": "deck"},
    "section": {"id": "rubrik", "en": "section"},
    "photo": {"id": "foto", "en": "photo"},
    "photo_credit": {"id": "kredit foto", "en": "photo credit"},
    "caption": {"id": "keterangan foto", "en": "caption"},
    "dateline": {"id": "dateline", "en": "dateline"},
    "body": {"id": "isi berita", "en": "body text"},
    "pull_quote": {"id": "kutipan", "en": "pull quote"},
    "tagline": {"id": "tagline", "en": "tagline"},
    "credits": {"id": "kredit", "en": "credits"},
    "folio": {"id": "folio", "en": "folio"},
    "masthead": {"id": "kop", "en": "masthead"},
    "teaser": {"id": "teaser", "en": "teaser"},
    "free": {"id": "bebas", "en": "free"},
    "ad": {"id": "iklan", "en": "advertisement"},
}

KINDS: dict[str, Entry] = {
    "text": {"id": "bingkai teks", "en": "text frame"},
    "image": {"id": "bingkai gambar", "en": "picture frame"},
    "rule": {"id": "garis", "en": "rule"},
    "box": {"id": "kotak", "en": "box"},
}

#: The slots of the built-in templates, as their frames are named ('teaser2 headline').
SLOTS: dict[str, Entry] = {
    "main": {"id": "utama", "en": "main"},
    "second": {"id": "kedua", "en": "second"},
    "third": {"id": "ketiga", "en": "third"},
    "page": {"id": "halaman", "en": "page"},
    "teaser": {"id": "tiser {n}", "en": "teaser {n}"},
    # A slot's frame: its role and the slot, in the language's order.
    "frame": {"id": "{what} {where}", "en": "{where} {what}"},
}

EDGES: dict[str, Entry] = {
    "left": {"id": "kiri", "en": "left"},
    "right": {"id": "kanan", "en": "right"},
    "top": {"id": "atas", "en": "top"},
    "bottom": {"id": "bawah", "en": "bottom"},
}

SEVERITY_LABELS: dict[str, Entry] = {
    "error": {"id": "GALAT", "en": "ERROR"},
    "warning": {"id": "PERINGATAN", "en": "WARNING"},
    "info": {"id": "INFO", "en": "INFO"},
}

# Text of the command line report.
UI: dict[str, Entry] = {
    "col_severity": {"id": "tingkat", "en": "severity"},
    "col_page": {"id": "hlm", "en": "page"},
    "col_frame": {"id": "bingkai/berkas", "en": "frame/file"},
    "col_message": {"id": "pesan", "en": "message"},
    "summary": {
        "id": "{errors} galat, {warnings} peringatan, {infos} info.",
        "en": "{errors} error(s), {warnings} warning(s), {infos} note(s).",
    },
    "clean": {"id": "Tidak ada masalah.", "en": "No problems found."},
    "hint_prefix": {"id": "saran", "en": "fix"},
    "pdf_dir_missing": {
        "id": "Folder PDF tidak ditemukan: {path}",
        "en": "PDF folder not found: {path}",
    },
    "pdf_dir_empty": {
        "id": "Tidak ada berkas PDF di {path}.",
        "en": "There are no PDF files in {path}.",
    },
}


def _catalogue() -> dict[str, Entry]:
    """Every table under its namespaced keys, as `i18n` holds them."""
    out: dict[str, Entry] = {}
    for prefix, table in (
        ("preflight.", MESSAGES),
        ("preflight.hint.", HINTS),
        ("preflight.role.", ROLES),
        ("preflight.kind.", KINDS),
        ("preflight.slot.", SLOTS),
        ("preflight.edge.", EDGES),
        ("preflight.severity.", SEVERITY_LABELS),
        ("preflight.ui.", UI),
    ):
        out.update({prefix + key: entry for key, entry in table.items()})
    return out


register_messages(_catalogue())
