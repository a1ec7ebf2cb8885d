"""Preflight stage: the messages of the PDF rules in Indonesian and English (see messages.py)."""

from __future__ import annotations

PDF_MESSAGES: dict[str, dict[str, str]] = {
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
}
