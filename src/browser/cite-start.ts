/**
 * The cite section's copy buttons (cite.ts), bundled on their own: article.ts imports this
 * when the reader first opens "Cite this article", so no reader who does not pays for it.
 */
import { initCite } from './cite';

const section = document.querySelector<HTMLElement>('[data-cite]');
if (section) initCite(section);
