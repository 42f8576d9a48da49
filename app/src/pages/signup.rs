use crate::api::auth::SignUp;
use crate::auth::enter_when;
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, NewPasswordField, SubmitButton,
    TextField,
};
use crate::components::layout::PublicShell;
use leptos::prelude::*;

#[component]
pub fn SignupPage() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    let org_name = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    enter_when(
        move || matches!(action.value().get(), Some(Ok(_))),
        "/home".into(),
    );
    let result = move || action.value().get();
    // The organisation starts on this browser's time zone (an admin can
    // change it later); the server cannot know it.
    let zone = RwSignal::new(String::new());
    Effect::new(move |_| zone.set(browser_zone()));
    let zone_error = field_error(result, "time_zone");
    let form = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form, result);
    view! {
        <PublicShell title="Create your organisation">
            <h1>"Create your organisation"</h1>
            <p class="lede">"You will be its first admin and leader. You can add coaches and agents next."</p>
            <form
                class="form"
                novalidate
                node_ref=form
                on:submit=move |ev| {
                    ev.prevent_default();
                    action.dispatch(SignUp {
                        org_name: org_name.get(),
                        name: name.get(),
                        email: email.get(),
                        password: password.get(),
                        time_zone: Some(zone.get()),
                    });
                }
            >
                <TextField
                    label="Organisation name"
                    name="org_name"
                    autocomplete="organization"
                    autofocus=true
                    value=org_name
                    error=field_error(result, "org_name")
                />
                <TextField label="Your name" name="name" autocomplete="name" value=name error=field_error(result, "name") />
                <TextField
                    label="Work email"
                    name="email"
                    kind="email"
                    autocomplete="email"
                    value=email
                    error=field_error(result, "email")
                />
                <NewPasswordField label="Password" name="password" value=password error=field_error(result, "password") />
                {move || (!zone.get().is_empty()).then(|| view! {
                    <p class="hint" class:field-error=move || zone_error.get().is_some()>
                        {zone_error.get().unwrap_or_else(|| format!(
                            "Your organisation's days will follow {} (this browser's time zone); an admin can change it on the Account page.",
                            zone.get()
                        ))}
                    </p>
                })}
                <FormAlert error=form_error(result, &["org_name", "name", "email", "password", "time_zone"]) />
                <SubmitButton label="Create organisation" busy_label="Creating…" pending=action.pending() wide=true />
            </form>
            <p class="switch">"Already using Rapport? " <a href="/login">"Log in"</a></p>
        </PublicShell>
    }
}

/// The IANA zone this browser runs in, or "" when it does not say.
fn browser_zone() -> String {
    #[cfg(feature = "hydrate")]
    {
        let format =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
        js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
            .ok()
            .and_then(|z| z.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}
