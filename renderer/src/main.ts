// Renderer entry: mount the Svelte shell.
import { mount } from 'svelte';
import App from './App.svelte';
import { accessToken, addressHasToken } from './lib/api/ws-client';
import './app.css';

// Browser mode: keep the web host's access token and clear it from the address before the views read the address.
if (addressHasToken()) accessToken();

mount(App, { target: document.getElementById('app')! });
