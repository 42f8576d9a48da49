//! Sending a chosen file to one of the server's media routes. XHR rather
//! than fetch because it reports upload progress. One helper for
//! recordings and complaint material: in the split wasm every closure
//! handed to the browser stays in the main bundle, so there is one copy.

use leptos::prelude::*;

/// PUTs `file` to `url` with its name in `x-file-name`, reporting progress
/// (0–100) to `progress` if given, then the outcome to `done`: Ok, or the
/// server's message.
pub fn send_file(
    url: &str,
    file: &web_sys::File,
    progress: Option<RwSignal<Option<f64>>>,
    done: Callback<Result<(), String>>,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    if xhr.open("PUT", url).is_err() {
        return;
    }
    let _ = xhr.set_request_header("x-file-name", &file.name());
    if let (Some(progress), Ok(upload)) = (progress, xhr.upload()) {
        progress.set(Some(0.0));
        let on_progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    progress.set(Some(e.loaded() / e.total() * 100.0));
                }
            });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
    }
    let finished = move |r: Result<(), String>| {
        if let Some(p) = progress {
            p.set(None);
        }
        done.run(r);
    };
    let done_xhr = xhr.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let status = done_xhr.status().unwrap_or(0);
        if status == 200 {
            finished(Ok(()));
        } else {
            let body = done_xhr.response_text().ok().flatten().unwrap_or_default();
            finished(Err(serde_json::from_str::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v["error"].as_str().map(str::to_string))
                .unwrap_or_else(|| {
                    format!("The upload failed (HTTP {status}).")
                })));
        }
    });
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_error = Closure::<dyn FnMut()>::new(move || {
        finished(Err(
            "The upload was interrupted: check your connection and try again.".into(),
        ))
    });
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let _ = xhr.send_with_opt_blob(Some(file));
}
