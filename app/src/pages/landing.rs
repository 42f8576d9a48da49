use crate::auth::use_auth;
use crate::components::layout::Brand;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

#[component]
pub fn Landing() -> impl IntoView {
    let auth = use_auth();
    view! {
        <Title text="Behavioural coaching for customer service" />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match auth.me.await {
                    Ok(Some(_)) => view! { <Redirect path="/home" /> }.into_any(),
                    _ => view! { <Welcome /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <div class="landing">
            <header class="landing-bar">
                <Brand href="/" />
                <nav class="landing-nav">
                    <a href="/login" class="button ghost">"Log in"</a>
                    <a href="/signup" class="button primary">"Create your organisation"</a>
                </nav>
            </header>
            <main id="main">
                <section class="hero">
                    <p class="eyebrow">"Behavioural coaching for contact centres"</p>
                    <h1>"Coach the behaviours that make customers stay."</h1>
                    <p class="hero-lede">
                        "Rapport puts coaches, agents and leaders on one behavioural framework: "
                        "calls scored against clear anchors, self-benchmarks that surface blind spots, "
                        "and service KPIs shown beside the behaviours that drive them."
                    </p>
                    <div class="hero-actions">
                        <a href="/signup" class="button primary large">"Start free"</a>
                        <a href="/login" class="button large">"I have an account"</a>
                    </div>
                </section>
                <section class="pillars" aria-label="What Rapport does">
                    <article class="pillar">
                        <span class="pillar-icon" aria-hidden="true">"◎"</span>
                        <h2>"Coaches"</h2>
                        <p>"Score recorded calls against a behaviourally anchored framework, with evidence pinned to the moment it happened."</p>
                    </article>
                    <article class="pillar">
                        <span class="pillar-icon" aria-hidden="true">"↗"</span>
                        <h2>"Agents"</h2>
                        <p>"Benchmark yourself on the same framework, see where your view differs from your coach's, and set targets that move."</p>
                    </article>
                    <article class="pillar">
                        <span class="pillar-icon" aria-hidden="true">"▦"</span>
                        <h2>"Leaders"</h2>
                        <p>"Place your organisation on a five-stage practices continuum and get the concrete steps to the next stage."</p>
                    </article>
                </section>
            </main>
        </div>
    }
}
