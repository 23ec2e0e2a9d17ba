/// <reference types="astro/client" />

/** The palette's CSS variables, written from src/config.ts (src/integrations/site-colours.ts). */
declare module 'virtual:dossier/palette.css';
