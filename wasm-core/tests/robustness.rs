//! Odd inputs: each gives a typed error or a valid SVG, never a panic.

mod common;

use vectorizer_core::error::{Error, ErrorKind};
use vectorizer_core::options::{Mode, Options};
use vectorizer_core::progress::Silent;
use vectorizer_core::vectorize;

fn run(mut rgba: Vec<u8>, width: u32, height: u32, options: &Options) -> Result<String, Error> {
    vectorize(&mut rgba, width, height, options, &mut Silent).map(|out| out.svg)
}

fn valid(svg: &str, width: u32, height: u32) {
    assert!(svg.starts_with(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\"",
        width, height
    )));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<path").count(), svg.matches("/>").count());
}

fn every_mode() -> Vec<Options> {
    vec![
        Options::default(),
        Options {
            mode: Mode::Bw,
            ..Options::default()
        },
        Options {
            mode: Mode::Centerline,
            ..Options::default()
        },
        Options {
            mode: Mode::Centerline,
            min_area: 0,
            threshold: Some(200),
            ..Options::default()
        },
        Options {
            mode: Mode::Pixel,
            min_area: 0,
            colors: 256,
            ..Options::default()
        },
        Options {
            colors: 2,
            min_area: 0,
            tolerance: 0.05,
            corner_angle: 0.0,
            ..Options::default()
        },
        Options {
            denoise: true,
            precision: Some(3),
            ..Options::default()
        },
    ]
}

#[test]
fn empty_image_is_an_input_error() {
    assert_eq!(
        run(vec![], 0, 0, &Options::default()).unwrap_err().kind(),
        ErrorKind::Input
    );
    assert_eq!(
        run(vec![], 0, 5, &Options::default()).unwrap_err().kind(),
        ErrorKind::Input
    );
}

#[test]
fn wrong_buffer_length_is_an_input_error() {
    let error = run(vec![0; 15], 2, 2, &Options::default()).unwrap_err();
    assert_eq!(
        error,
        Error::BufferLength {
            expected: 16,
            actual: 15
        }
    );
}

#[test]
fn over_budget_is_a_limits_error_before_allocating() {
    let error = run(vec![0; 4], 60_000, 60_000, &Options::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Limits);
}

#[test]
fn tiny_and_thin_images_work_in_every_mode() {
    for options in every_mode() {
        for &(w, h) in &[(1u32, 1u32), (1, 23), (23, 1), (2, 2)] {
            let svg = run(
                common::noise(w as usize, h as usize, w * 31 + h),
                w,
                h,
                &options,
            )
            .unwrap();
            valid(&svg, w, h);
        }
    }
}

#[test]
fn all_transparent_gives_an_empty_drawing() {
    let svg = run(vec![0; 10 * 10 * 4], 10, 10, &Options::default()).unwrap();
    valid(&svg, 10, 10);
    assert!(!svg.contains("<path"));
}

#[test]
fn one_colour_is_one_path() {
    let svg = run(
        [9, 99, 199, 255].repeat(30 * 20),
        30,
        20,
        &Options::default(),
    )
    .unwrap();
    assert_eq!(svg.matches("<path").count(), 1);
}

#[test]
fn noise_and_more_colours_than_pixels_work_in_every_mode() {
    for options in every_mode() {
        let svg = run(
            common::noise(64, 48, 11),
            64,
            48,
            &Options {
                colors: 256,
                ..options.clone()
            },
        )
        .unwrap();
        valid(&svg, 64, 48);
        let svg = run(
            common::noise(3, 2, 5),
            3,
            2,
            &Options {
                colors: 200,
                ..options
            },
        )
        .unwrap();
        valid(&svg, 3, 2);
    }
}

#[test]
fn partial_alpha_and_holes_work_in_every_mode() {
    for options in every_mode() {
        let svg = run(common::ring(40), 40, 40, &options).unwrap();
        valid(&svg, 40, 40);
    }
}

#[test]
fn output_is_deterministic() {
    let a = run(common::card(64), 64, 64, &Options::default()).unwrap();
    let b = run(common::card(64), 64, 64, &Options::default()).unwrap();
    assert_eq!(a, b);
}
